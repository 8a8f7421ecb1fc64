import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { hrefs } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useCreateGroupRoom } from '../api/create-group-room';
import { useContacts } from '../api/get-contacts';

const GROUP_NAME_MAX = 80;

export function CreateGroupForm({ meId }: { meId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const contacts = useContacts(meId);
  const create = useCreateGroupRoom();
  const [name, setName] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const people = contacts.data?.pages.flatMap((page) => page.items) ?? [];

  const toggle = (id: string, isChecked: boolean) =>
    setMemberIds((ids) => (isChecked ? [...ids, id] : ids.filter((x) => x !== id)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), memberIds },
      { onSuccess: (room) => void navigate(hrefs.chatRoom(room.id)) },
    );
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="chat-group-title">
      <h2 className="card__title" id="chat-group-title">
        {t('chat.group.title')}
      </h2>
      <TextField
        label={t('chat.group.name')}
        value={name}
        required
        maxLength={GROUP_NAME_MAX}
        onChange={(e) => setName(e.target.value)}
      />
      <fieldset className="fieldset">
        <legend className="field__label">{t('chat.group.members')}</legend>
        {contacts.isPending ? <p className="muted">{t('app.loading')}</p> : null}
        {contacts.isSuccess && people.length === 0 ? (
          <p className="muted">{t('chat.contacts.empty')}</p>
        ) : null}
        {people.map((person) => (
          <label className="choice" key={person.id}>
            <input
              type="checkbox"
              checked={memberIds.includes(person.id)}
              onChange={(e) => toggle(person.id, e.target.checked)}
            />
            {person.nickname}
          </label>
        ))}
      </fieldset>
      <FormAlert>{create.isError ? errorMessage(create.error) : null}</FormAlert>
      <button
        className="button button--primary"
        type="submit"
        disabled={create.isPending || !name.trim()}
      >
        {create.isPending ? t('chat.group.pending') : t('chat.group.create')}
      </button>
    </form>
  );
}
