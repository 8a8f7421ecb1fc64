import { Link, useNavigate } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { hrefs, paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { LoadMoreButton } from '@/components/load-more-button';
import { useContacts } from '../api/get-contacts';
import { useCreateDirectRoom } from '../api/create-direct-room';

/** People I follow, each a button that opens (or creates) our direct room. */
export function ContactPicker({ meId }: { meId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const contacts = useContacts(meId);
  const open = useCreateDirectRoom();

  if (contacts.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (contacts.isError) return <FormAlert>{errorMessage(contacts.error)}</FormAlert>;
  const people = contacts.data.pages.flatMap((page) => page.items);

  return (
    <section className="card stack stack--tight" aria-labelledby="chat-contacts-title">
      <h2 className="card__title" id="chat-contacts-title">
        {t('chat.contacts.title')}
      </h2>
      {people.length === 0 ? (
        <p className="muted">
          {t('chat.contacts.empty')} <Link to={paths.people}>{t('chat.contacts.findPeople')}</Link>
        </p>
      ) : null}
      <ul className="contact-list">
        {people.map((person) => (
          <li key={person.id}>
            <button
              className="button button--ghost"
              type="button"
              disabled={open.isPending}
              onClick={() =>
                open.mutate(person.id, {
                  onSuccess: (room) => void navigate(hrefs.chatRoom(room.id)),
                })
              }
            >
              {t('chat.contacts.start', { nickname: person.nickname })}
            </button>
          </li>
        ))}
      </ul>
      <LoadMoreButton query={contacts} />
      <FormAlert>{open.isError ? errorMessage(open.error) : null}</FormAlert>
    </section>
  );
}
