import { useId } from 'react';
import { useNavigate } from 'react-router';
import { hrefs } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useCreateDirectRoom } from '../api/create-direct-room';

interface MessageButtonProps {
  userId: string;
  /**
   * Why the button cannot open a chat yet: direct chats are only with people I follow, and
   * only once my email is verified; null when it can.
   */
  unavailable: 'notFollowing' | 'unverified' | null;
}

/** "Send a message" on a profile: opens our direct room, creating it the first time. */
export function MessageButton({ userId, unavailable }: MessageButtonProps) {
  const canMessage = unavailable === null;
  const t = useT();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const open = useCreateDirectRoom();
  const hintId = useId();

  return (
    <span className="message-button">
      <button
        className="button"
        type="button"
        disabled={!canMessage || open.isPending}
        aria-describedby={canMessage ? undefined : hintId}
        onClick={() =>
          open.mutate(userId, { onSuccess: (room) => void navigate(hrefs.chatRoom(room.id)) })
        }
      >
        {open.isPending ? t('people.messageOpening') : t('people.message')}
      </button>
      {canMessage ? null : (
        <span className="message-button__hint muted" id={hintId}>
          {unavailable === 'unverified' ? t('people.messageVerify') : t('people.messageHint')}
        </span>
      )}
      {open.isError ? (
        <span className="message-button__error" role="alert">
          {errorMessage(open.error)}
        </span>
      ) : null}
    </span>
  );
}
