import { useEffect, useRef, useState, type ComponentType, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Avatar } from '@/components/avatar';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { hrefs, paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import type { ChatRoomDetail } from '@/lib/api-types';
import { ConfirmGroup } from '@/components/confirm-group';
import { LoadMoreButton } from '@/components/load-more-button';
import { useAddMembers } from '../api/add-members';
import { useContacts } from '../api/get-contacts';
import { useLeaveRoom } from '../api/leave-room';
import { useRemoveMember } from '../api/remove-member';
import { useRenameRoom } from '../api/rename-room';

const GROUP_NAME_MAX = 80;

/** Shows a member's presence (online, last seen) where the viewer may see it; nothing otherwise. */
export type MemberPresence = ComponentType<{ userId: string }>;

/**
 * A group room's members, each with avatar, presence and a link to the profile; the owner
 * renames, adds and removes, anyone leaves. A study's room is managed by the study: no member
 * controls here, a link to the study instead.
 */
export function MembersPanel({
  room,
  meId,
  Presence,
}: {
  room: ChatRoomDetail;
  meId: string;
  Presence?: MemberPresence;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const isManaged = room.managedBy !== null;
  const isOwner = room.ownerId === meId && !isManaged;
  const remove = useRemoveMember(room.id);
  const leave = useLeaveRoom(room.id);
  const [isConfirmingLeave, setIsConfirmingLeave] = useState(false);

  return (
    <section className="card stack stack--tight" aria-labelledby="chat-members-title">
      <h2 className="card__title" id="chat-members-title">
        {t('chat.members.title', { count: room.members.length })}
      </h2>
      <ul className="member-list">
        {room.members.map((member) => (
          <li key={member.user.id} className="member-list__item">
            <Avatar nickname={member.user.nickname} url={member.user.avatarUrl} />
            <span className="member-list__who">
              <Link
                to={hrefs.profile(member.user.id)}
                aria-label={t('chat.members.profile', { nickname: member.user.nickname })}
              >
                {member.user.nickname}
              </Link>
              {member.role === 'owner' ? (
                <span className="muted"> ({t('chat.members.owner')})</span>
              ) : null}
              {Presence ? <Presence userId={member.user.id} /> : null}
            </span>
            {isOwner && member.user.id !== meId ? (
              <RemoveMember
                nickname={member.user.nickname}
                isPending={remove.isPending}
                onRemove={() => remove.mutate(member.user.id)}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {remove.isError ? <FormAlert>{errorMessage(remove.error)}</FormAlert> : null}
      {isOwner ? <RenameForm room={room} /> : null}
      {isOwner ? <AddMembers room={room} meId={meId} /> : null}
      {isManaged ? (
        <p className="muted">
          {t('chat.members.managedByStudy')}{' '}
          {room.managedId ? (
            <Link to={hrefs.study(room.managedId)}>{t('chat.members.openStudy')}</Link>
          ) : null}
        </p>
      ) : isConfirmingLeave ? (
        <ConfirmGroup
          question={t('chat.members.leaveConfirm')}
          actionLabel={t('chat.members.leave')}
          cancelLabel={t('chat.members.cancel')}
          isPending={leave.isPending}
          onConfirm={() => leave.mutate(undefined, { onSuccess: () => void navigate(paths.chat) })}
          onCancel={() => setIsConfirmingLeave(false)}
        />
      ) : (
        <button className="button" type="button" onClick={() => setIsConfirmingLeave(true)}>
          {t('chat.members.leave')}
        </button>
      )}
      {leave.isError ? <FormAlert>{errorMessage(leave.error)}</FormAlert> : null}
    </section>
  );
}

/** The owner's remove button; removing takes a second, explicit confirm. */
function RemoveMember({
  nickname,
  isPending,
  onRemove,
}: {
  nickname: string;
  isPending: boolean;
  onRemove: () => void;
}) {
  const t = useT();
  const [isConfirming, setIsConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const hasOpened = useRef(false);

  // Focus follows the swap, so keyboard users land on the safe choice and return where they were.
  useEffect(() => {
    if (isConfirming) cancel.current?.focus();
    else if (hasOpened.current) trigger.current?.focus();
    hasOpened.current ||= isConfirming;
  }, [isConfirming]);

  if (!isConfirming) {
    return (
      <button
        ref={trigger}
        className="button button--ghost"
        type="button"
        disabled={isPending}
        onClick={() => setIsConfirming(true)}
      >
        {t('chat.members.remove', { nickname })}
      </button>
    );
  }
  return (
    <ConfirmGroup
      question={t('chat.members.removeConfirm', { nickname })}
      actionLabel={isPending ? t('chat.members.removing') : t('chat.members.removeConfirmAction')}
      cancelLabel={t('chat.members.cancel')}
      isPending={isPending}
      onConfirm={onRemove}
      onCancel={() => setIsConfirming(false)}
      cancelRef={cancel}
    />
  );
}

function RenameForm({ room }: { room: ChatRoomDetail }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const rename = useRenameRoom(room.id);
  const [name, setName] = useState(room.name ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(name.trim());
  };

  return (
    <form className="form" onSubmit={submit}>
      <TextField
        label={t('chat.members.name')}
        value={name}
        required
        maxLength={GROUP_NAME_MAX}
        onChange={(e) => setName(e.target.value)}
      />
      <FormAlert>{rename.isError ? errorMessage(rename.error) : null}</FormAlert>
      <button
        className="button"
        type="submit"
        disabled={rename.isPending || !name.trim() || name.trim() === room.name}
      >
        {rename.isPending ? t('chat.members.renaming') : t('chat.members.rename')}
      </button>
    </form>
  );
}

/** People I follow who are not in the room yet, each added with one button. */
function AddMembers({ room, meId }: { room: ChatRoomDetail; meId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const contacts = useContacts(meId);
  const add = useAddMembers(room.id);
  const inRoom = new Set(room.members.map((m) => m.user.id));
  const people = (contacts.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (person) => !inRoom.has(person.id),
  );

  return (
    <div className="stack stack--tight">
      <h3 className="field__label">{t('chat.members.addTitle')}</h3>
      {contacts.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {contacts.isError ? <FormAlert>{errorMessage(contacts.error)}</FormAlert> : null}
      {contacts.isSuccess && people.length === 0 ? (
        <p className="muted">{t('chat.members.noContacts')}</p>
      ) : null}
      <ul className="member-list">
        {people.map((person) => (
          <li key={person.id}>
            <button
              className="button button--ghost"
              type="button"
              disabled={add.isPending}
              onClick={() => add.mutate([person.id])}
            >
              {t('chat.members.add', { nickname: person.nickname })}
            </button>
          </li>
        ))}
      </ul>
      <LoadMoreButton query={contacts} />
      {add.isError ? <FormAlert>{errorMessage(add.error)}</FormAlert> : null}
    </div>
  );
}
