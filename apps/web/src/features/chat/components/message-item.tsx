import type { ChatMessage } from '@orgo/contracts';
import { useMutation } from '@tanstack/react-query';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { ConfirmGroup } from '@/components/confirm-group';
import { FormAlert } from '@/components/form-alert';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { MESSAGE_MAX } from './composer';
import { MessageText } from './message-text';
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

/** How long a finger rests on a message before its actions open. */
export const LONG_PRESS_MS = 450;

/** Taps on these do their own thing; they never open the message's actions. */
const INTERACTIVE = 'a, button, input, textarea, pre, label';

/**
 * One sent message: its body, and its actions (reply, reactions, and for my own messages edit
 * and delete with a confirm step) in a menu that opens on tap or long-press on touch screens and
 * from the "more" button otherwise; no toolbar stays on the bubbles.
 */
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
  const menuId = useId();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const press = useRef<{ timer?: ReturnType<typeof setTimeout>; hasOpened: boolean }>({
    hasOpened: false,
  });
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

  const canOpenMenu = actions !== undefined && !isDeleted && draft === null && !isConfirming;
  const menuOpen = isMenuOpen && canOpenMenu;
  const closeMenu = () => setIsMenuOpen(false);

  // A tap or click anywhere else closes the menu.
  useEffect(() => {
    if (!menuOpen) return;
    const onPointerDown = (event: globalThis.PointerEvent) => {
      if (!body.current?.contains(event.target as Node)) setIsMenuOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [menuOpen]);
  useEffect(() => () => clearTimeout(press.current.timer), []);

  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType !== 'touch' || !canOpenMenu) return;
    if ((event.target as Element).closest(INTERACTIVE)) return;
    press.current.hasOpened = false;
    clearTimeout(press.current.timer);
    press.current.timer = setTimeout(() => {
      press.current.hasOpened = true;
      setIsMenuOpen(true);
    }, LONG_PRESS_MS);
  };
  const cancelPress = () => clearTimeout(press.current.timer);
  const onClick = (event: MouseEvent) => {
    const pointerType = (event.nativeEvent as Partial<globalThis.PointerEvent>).pointerType;
    if (pointerType !== 'touch' || !canOpenMenu) return;
    if ((event.target as Element).closest(INTERACTIVE)) return;
    // The long-press already opened it; the click that ends the press must not close it again.
    if (press.current.hasOpened) {
      press.current.hasOpened = false;
      return;
    }
    setIsMenuOpen((isOpen) => !isOpen);
  };

  const save = () => {
    const text = draft?.trim() ?? '';
    if (!text) return;
    if (text === message.text) return setDraft(null);
    edit.mutate(text);
  };

  return (
    <div
      ref={body}
      className="message__body"
      onPointerDown={onPointerDown}
      onPointerUp={cancelPress}
      onPointerMove={cancelPress}
      onPointerCancel={cancelPress}
      onClick={onClick}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && menuOpen) closeMenu();
      }}
      onContextMenu={(event) => {
        // The long-press menu replaces the browser's own on a message (not on its links or code).
        if (canOpenMenu && !(event.target as Element).closest(INTERACTIVE)) event.preventDefault();
      }}
    >
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
        <div className={isDeleted ? 'message__text muted' : 'message__text'}>
          {isDeleted ? t('chat.deletedMessage') : <MessageText text={message.text ?? ''} />}
          {message.editedAt && !isDeleted ? (
            <span className="message__edited muted"> {t('chat.message.edited')}</span>
          ) : null}
        </div>
      ) : null}
      <span className="message__footer">
        {meta}
        {canOpenMenu ? (
          <button
            className="message__more"
            type="button"
            aria-label={t('chat.message.more', { nickname: message.sender.nickname })}
            aria-expanded={menuOpen}
            aria-controls={menuOpen ? menuId : undefined}
            onClick={() => setIsMenuOpen((isOpen) => !isOpen)}
          >
            ⋯
          </button>
        ) : null}
      </span>
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
      {menuOpen && actions ? (
        <span
          className="message__actions message__menu"
          id={menuId}
          role="group"
          aria-label={t('chat.message.actions')}
        >
          <button
            className="button button--ghost"
            type="button"
            onClick={() => {
              closeMenu();
              actions.reply(message);
            }}
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
              onClick={() => {
                closeMenu();
                toggle(emoji);
              }}
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
                  closeMenu();
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
                  closeMenu();
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
    </div>
  );
}
