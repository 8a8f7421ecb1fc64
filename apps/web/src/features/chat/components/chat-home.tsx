import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { LoadMoreButton } from '@/components/load-more-button';
import { useRooms } from '../api/get-rooms';
import { ConnectionNotice } from './connection-notice';
import { ContactPicker } from './contact-picker';
import { CreateGroupForm } from './create-group-form';
import { RoomList } from './room-list';

type Panel = 'direct' | 'group' | null;

/** The room list with its filter, and the panels that start a direct or group chat. */
export function ChatHome({ meId }: { meId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState('');
  const q = useDeferredValue(filter.trim());
  const rooms = useRooms(q);
  const [panel, setPanel] = useState<Panel>(null);
  const items = rooms.data?.pages.flatMap((page) => page.items) ?? [];

  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));

  return (
    <div className="stack">
      <ConnectionNotice />
      <div className="row">
        <button
          className="button button--primary"
          type="button"
          aria-expanded={panel === 'direct'}
          onClick={() => toggle('direct')}
        >
          {t('chat.newChat')}
        </button>
        <button
          className="button"
          type="button"
          aria-expanded={panel === 'group'}
          onClick={() => toggle('group')}
        >
          {t('chat.group.title')}
        </button>
      </div>
      {panel === 'direct' ? <ContactPicker meId={meId} /> : null}
      {panel === 'group' ? <CreateGroupForm meId={meId} /> : null}
      <TextField
        label={t('chat.filter')}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {rooms.isPending ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : null}
      {rooms.isError && !rooms.data ? (
        <FormAlert>
          {t('chat.loadFailed')} {errorMessage(rooms.error)}
        </FormAlert>
      ) : null}
      {rooms.isSuccess && items.length === 0 ? (
        q ? (
          <p className="muted">{t('chat.filterEmpty', { q })}</p>
        ) : (
          <p className="muted">
            <span>{t('chat.empty')}</span>{' '}
            <Link to={paths.people}>{t('chat.contacts.findPeople')}</Link>
          </p>
        )
      ) : null}
      {items.length > 0 ? <RoomList rooms={items} label={t('chat.list')} /> : null}
      <LoadMoreButton query={rooms} />
    </div>
  );
}
