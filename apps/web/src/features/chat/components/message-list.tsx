import type { ChatMessage } from '@orgo/contracts';
import { Fragment, useMemo } from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import type { OutboxEntry } from '../store/outbox';
import { MessageItem, type MessageActions } from './message-item';
import { ReplyQuote } from './reply-quote';

export type MessageRow =
  { kind: 'message'; message: ChatMessage } | { kind: 'outbox'; entry: OutboxEntry };

interface MessageListProps {
  label: string;
  rows: MessageRow[];
  meId: string;
  /** Direct rooms: my messages up to this seq show "seen". */
  seenSeq: number | null;
  /** Group rooms: under my last message, how many others have read it. */
  seenBy?: { seq: number; count: number } | null;
  /** A divider goes before this message: the first one that was unread when the room opened. */
  unreadFromSeq?: number | null;
  onRetry: (clientMessageId: string) => void;
  onDiscard: (clientMessageId: string) => void;
  /** Edit, delete and the rest; without them the list is read-only. */
  actions?: MessageActions;
}

const createdAtOf = (row: MessageRow) =>
  row.kind === 'message' ? row.message.createdAt : row.entry.createdAt;
const dayOf = (iso: string) => new Date(iso).toDateString();

/** The room's messages in seq order (unsent ones last), with a separator at each new day. */
export function MessageList({
  label,
  rows,
  meId,
  seenSeq,
  seenBy = null,
  unreadFromSeq = null,
  onRetry,
  onDiscard,
  actions,
}: MessageListProps) {
  const { t, language } = useI18n();
  const locale = language === 'ko' ? 'ko-KR' : 'en-US';
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'full' }), [locale]);
  const timeFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
    [locale],
  );
  const lastSeen =
    seenSeq === null
      ? null
      : rows.findLast(
          (r) => r.kind === 'message' && r.message.sender.id === meId && r.message.seq <= seenSeq,
        );

  return (
    <ol className="message-list" role="log" aria-live="polite" aria-label={label}>
      {rows.map((row, index) => {
        const createdAt = createdAtOf(row);
        const previous = rows[index - 1];
        const isNewDay = !previous || dayOf(createdAtOf(previous)) !== dayOf(createdAt);
        const time = (
          <time className="message__time" dateTime={createdAt}>
            {timeFormat.format(new Date(createdAt))}
          </time>
        );
        const separator = isNewDay ? (
          <li className="message-list__day" role="separator">
            <time dateTime={createdAt}>{dayFormat.format(new Date(createdAt))}</time>
          </li>
        ) : null;

        if (row.kind === 'outbox') {
          const { entry } = row;
          const isFailed = entry.status === 'failed';
          return (
            <Fragment key={entry.clientMessageId}>
              {separator}
              <li className={`message message--mine message--${entry.status}`}>
                {entry.replyTo ? (
                  <ReplyQuote
                    quote={entry.replyTo}
                    label={t('chat.reply.quote', { nickname: entry.replyTo.sender.nickname })}
                  />
                ) : null}
                {entry.imageId ? (
                  <p className="message__text muted">{t('chat.image.sending')}</p>
                ) : null}
                {entry.text ? <p className="message__text">{entry.text}</p> : null}
                <span className="message__meta">
                  {time}
                  <span className="message__status">
                    {isFailed ? t('chat.status.failed') : t('chat.status.pending')}
                  </span>
                  {isFailed ? (
                    <>
                      <button
                        className="button button--ghost"
                        type="button"
                        onClick={() => onRetry(entry.clientMessageId)}
                      >
                        {t('chat.retry')}
                      </button>
                      <button
                        className="button button--ghost"
                        type="button"
                        onClick={() => onDiscard(entry.clientMessageId)}
                      >
                        {t('chat.status.discard')}
                      </button>
                    </>
                  ) : null}
                </span>
              </li>
            </Fragment>
          );
        }

        const { message } = row;
        const isMine = message.sender.id === meId;
        return (
          <Fragment key={message.id}>
            {separator}
            {message.seq === unreadFromSeq ? (
              <li className="message-list__unread" role="separator">
                {t('chat.unreadFrom')}
              </li>
            ) : null}
            <li className={isMine ? 'message message--mine' : 'message'} data-seq={message.seq}>
              <MessageItem
                message={message}
                meId={meId}
                isMine={isMine}
                actions={actions}
                image={
                  message.image && !message.deletedAt ? (
                    <a
                      className="message__image"
                      href={message.image.url}
                      target="_blank"
                      rel="noopener"
                    >
                      <img
                        src={`${message.image.url}&size=thumb`}
                        alt={t('chat.image.alt', { nickname: message.sender.nickname })}
                        width={thumbSize(message.image).width}
                        height={thumbSize(message.image).height}
                        loading="lazy"
                      />
                    </a>
                  ) : null
                }
                meta={
                  <span className="message__meta">
                    {time}
                    {row === lastSeen ? (
                      <span className="message__seen">{t('chat.seen')}</span>
                    ) : null}
                    {seenBy && seenBy.count > 0 && seenBy.seq === message.seq ? (
                      <span className="message__seen">
                        {t('chat.seenBy', { count: seenBy.count })}
                      </span>
                    ) : null}
                  </span>
                }
              />
            </li>
          </Fragment>
        );
      })}
    </ol>
  );
}

/** The server's thumbnail fits in 256×256 keeping the aspect ratio; reserve that box. */
function thumbSize({ width, height }: { width: number; height: number }) {
  const scale = Math.min(1, 256 / Math.max(width, height, 1));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
