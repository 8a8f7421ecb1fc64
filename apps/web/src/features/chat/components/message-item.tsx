import type { ChatMessage } from '@orgo/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { ConfirmGroup } from '@/components/confirm-group';
import { FormAlert } from '@/components/form-alert';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { MESSAGE_MAX } from './composer';
import { ReplyQuote } from './reply-quote';

/** What the room view does for a message; the list only asks. */
export interface MessageActions {
  edit(message: ChatMessage, text: string): Promise<unknown>;
  remove(message: ChatMessage): Promise<unknown>;
  /** Makes the message the composer's reply target. */
  reply(message: ChatMessage): void;
  react(message: ChatMessage, emoji: string, isOn: boolean): Promise<unknown>;
}

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉'] as const;

interface MessageItemProps {
  message: ChatMessage;
  meId: string;
  isMine: boolean;
  /** The image, already laid out by the list. */
  image: ReactNode;
  /** Time and status, already laid out by the list. */
  meta: ReactNode;
  actions?: MessageActions;
  /** The edit in progress (null: not editing). Kept by the list, so it outlives this row's mount. */
  draft: string | null;
  onDraftChange(draft: string | null): void;
}

/** One sent message: its body, and for my own messages edit and delete (with a confirm step). */
export function MessageItem({
  message,
  meId,
  isMine,
  image,
  meta,
  actions,
  draft,
  onDraftChange: setDraft,
}: MessageItemProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const editorId = useId();
  const [isConfirming, setIsConfirming] = useState(false);
  const edit = useMutation({
    mutationFn: (text: string) => actions!.edit(message, text),
    onSuccess: () => setDraft(null),
  });
  const remove = useMutation({
    mutationFn: () => actions!.remove(message),
    onSuccess: () => setIsConfirming(false),
  });
  const react = useMutation({
    mutationFn: ({ emoji, isOn }: { emoji: string; isOn: boolean }) =>
      actions!.react(message, emoji, isOn),
  });
  const isDeleted = message.deletedAt !== null;
  const reactions = message.reactions.filter((r) => r.userIds.length > 0);
  const hasReacted = (emoji: string) =>
    message.reactions.some((r) => r.emoji === emoji && r.userIds.includes(meId));
  const toggle = (emoji: string) => react.mutate({ emoji, isOn: !hasReacted(emoji) });
  const canChange = isMine && !isDeleted && actions !== undefined && message.text !== null;
  const error = edit.error ?? remove.error ?? react.error;

  const save = () => {
    const text = draft?.trim() ?? '';
    if (!text) return;
    if (text === message.text) return setDraft(null);
    edit.mutate(text);
  };

  return (
    <>
      {isMine ? null : <span className="message__sender">{message.sender.nickname}</span>}
      {message.replyTo ? (
        <ReplyQuote
          quote={message.replyTo}
          label={t('chat.reply.quote', { nickname: message.replyTo.sender.nickname })}
        />
      ) : null}
      {image}
      {draft !== null ? (
        <div className="message__editor stack stack--tight">
          <label className="visually-hidden" htmlFor={editorId}>
            {t('chat.message.editLabel')}
          </label>
          <textarea
            id={editorId}
            className="field__input"
            rows={2}
            maxLength={MESSAGE_MAX}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDraft(null);
            }}
          />
          <span className="message__actions">
            <button
              className="button button--primary"
              type="button"
              disabled={edit.isPending || !draft.trim()}
              onClick={save}
            >
              {edit.isPending ? t('chat.message.saving') : t('chat.message.save')}
            </button>
            <button
              className="button button--ghost"
              type="button"
              disabled={edit.isPending}
              onClick={() => {
                edit.reset();
                setDraft(null);
              }}
            >
              {t('chat.message.cancel')}
            </button>
          </span>
        </div>
      ) : isDeleted || message.text !== null ? (
        <p className={isDeleted ? 'message__text muted' : 'message__text'}>
          {isDeleted ? t('chat.deletedMessage') : message.text}
          {message.editedAt && !isDeleted ? (
            <span className="message__edited muted"> {t('chat.message.edited')}</span>
          ) : null}
        </p>
      ) : null}
      {meta}
      {reactions.length > 0 && !isDeleted ? (
        <ul className="message__reactions" aria-label={t('chat.reaction.list')}>
          {reactions.map((r) => (
            <li key={r.emoji}>
              <button
                className="message__reaction"
                type="button"
                aria-pressed={r.userIds.includes(meId)}
                aria-label={t('chat.reaction.count', { emoji: r.emoji, count: r.userIds.length })}
                disabled={!actions || react.isPending}
                onClick={() => toggle(r.emoji)}
              >
                {r.emoji} {r.userIds.length}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {actions && !isDeleted && draft === null && !isConfirming ? (
        <span className="message__actions message__actions--toolbar">
          <button
            className="button button--ghost"
            type="button"
            onClick={() => actions.reply(message)}
          >
            {t('chat.message.reply')}
          </button>
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              className="button button--ghost"
              type="button"
              aria-pressed={hasReacted(emoji)}
              aria-label={t('chat.reaction.add', { emoji })}
              disabled={react.isPending}
              onClick={() => toggle(emoji)}
            >
              {emoji}
            </button>
          ))}
          {canChange ? (
            <>
              <button
                className="button button--ghost"
                type="button"
                onClick={() => {
                  remove.reset();
                  setDraft(message.text ?? '');
                }}
              >
                {t('chat.message.edit')}
              </button>
              <button
                className="button button--ghost"
                type="button"
                onClick={() => {
                  edit.reset();
                  setIsConfirming(true);
                }}
              >
                {t('chat.message.delete')}
              </button>
            </>
          ) : null}
        </span>
      ) : null}
      {canChange && isConfirming ? (
        <ConfirmGroup
          question={t('chat.message.confirmDelete')}
          actionLabel={remove.isPending ? t('chat.message.deleting') : t('chat.message.delete')}
          cancelLabel={t('chat.message.cancel')}
          isPending={remove.isPending}
          onConfirm={() => remove.mutate()}
          onCancel={() => {
            remove.reset();
            setIsConfirming(false);
          }}
        />
      ) : null}
      {error ? <FormAlert>{errorMessage(error)}</FormAlert> : null}
    </>
  );
}
