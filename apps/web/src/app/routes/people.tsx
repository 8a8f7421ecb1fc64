import { useDeferredValue, useState } from 'react';
import { Page } from '@/components/page';
import { TextField } from '@/components/text-field';
import { useDirectory } from '@/features/user/api/get-people';
import { FollowButton } from '@/features/user/components/follow-button';
import { UserList } from '@/features/user/components/user-list';
import { useT } from '@/i18n/i18n-provider';

/** Every member but me (and anyone across a block), newest first, with a nickname filter. */
export function PeopleRoute() {
  const t = useT();
  const [filter, setFilter] = useState('');
  const q = useDeferredValue(filter.trim());
  const directory = useDirectory(q);

  return (
    <Page title={t('people.title')} description={t('people.description')}>
      <div className="stack">
        <TextField
          label={t('people.search')}
          type="search"
          maxLength={20}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <UserList
          query={directory}
          label={t('people.list')}
          emptyText={q ? t('people.filterEmpty', { q }) : t('people.empty')}
          renderAction={(item) => <FollowButton user={item} viewer={item.viewer} isSignedIn />}
        />
      </div>
    </Page>
  );
}
