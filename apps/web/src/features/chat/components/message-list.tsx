import type { ChatMessage } from '@orgo/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  Fragment,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useI18n } from '@/i18n/i18n-provider';
import { isErrorCodeKnown } from '@/i18n/use-error-message';
import { intlLocale } from '@/i18n/translate';
import type { OutboxEntry } from '../store/outbox';
import { canRetrySend } from '../store/send-failure';
import { MessageItem, type MessageActions } from './message-item';
import { MessageText } from './message-text';
import { ReplyQuote } from './reply-quote';

export type MessageRow =
  { kind: 'message'; message: ChatMessage } | { kind: 'outbox'; entry: OutboxEntry };

/** Where to bring the view; a new object each time, honoured once the list holds the target. */
export type ScrollRequest = { to: 'end' } | { to: 'seq'; seq: number; isFocused?: boolean };

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
  scrollRequest?: ScrollRequest | null;
  /** The message a jump went to, marked until the next jump. */
  highlightSeq?: number | null;
  hasMoreBefore?: boolean;
  /** The rows stop short of the newest message (after a jump). */
  hasMoreAfter?: boolean;
  /** Scrolled near the top (or, with `hasMoreAfter`, the bottom): time for the next page. */
  onNearStart?: () => void;
  onNearEnd?: () => void;
  /** "Latest" while `hasMoreAfter`: the room view loads the newest page and asks for the end. */
  onJumpToLatest?: () => void;
}

/** What the virtualiser lays out: one row, with the day separator or unread divider above it. */
interface Group {
  key: string;
  row: MessageRow;
  /** Set when a new day starts at this row. */
  dayAt: string | null;
  isFirstUnread: boolean;
}

/** The CSS gap between rows and the scroller's padding, told to the virtualiser as well. */
const GAP_PX = 8;
const EDGE_PX = 8;
/** How close to the top or bottom a scroll asks for the next page. */
const NEAR_EDGE_PX = 320;

const createdAtOf = (row: MessageRow) =>
  row.kind === 'message' ? row.message.createdAt : row.entry.createdAt;
const dayOf = (iso: string) => new Date(iso).toDateString();
const keyOf = (row: MessageRow) =>
  row.kind === 'message' ? `m:${row.message.id}` : `o:${row.entry.clientMessageId}`;

/**
 * The top row gets no day separator while older messages may precede it: whether its day starts
 * there is unknown, and a separator that vanished when they load would shift the view.
 */
function toGroups(rows: MessageRow[], unreadFromSeq: number | null, hasMoreBefore: boolean) {
  return rows.map((row, index): Group => {
    const createdAt = createdAtOf(row);
    const previous = rows[index - 1];
    const isNewDay = previous ? dayOf(createdAtOf(previous)) !== dayOf(createdAt) : !hasMoreBefore;
    return {
      key: keyOf(row),
      row,
      dayAt: isNewDay ? createdAt : null,
      isFirstUnread: row.kind === 'message' && row.message.seq === unreadFromSeq,
    };
  });
}

/** A first guess before a row is measured; close guesses keep the scrollbar steady. */
function estimate(group: Group | undefined): number {
  if (!group) return 64;
  const image = group.row.kind === 'message' ? group.row.message.image : null;
  const dividers = (group.dayAt ? 1 : 0) + (group.isFirstUnread ? 1 : 0);
  return 64 + (image ? thumbSize(image).height : 0) + dividers * (28 + GAP_PX);
}

/** A row's height with the separators rendered just above it (siblings without an index). */
function measureGroup(row: Element): number {
  let height = (row as HTMLElement).offsetHeight;
  for (
    let node = row.previousElementSibling;
    node && !node.hasAttribute('data-index');
    node = node.previousElementSibling
  )
    height += (node as HTMLElement).offsetHeight + GAP_PX;
  return height;
}

/**
 * The room's messages in seq order (unsent ones last), with a separator at each new day. Only
 * the rows in view (plus a margin) are in the DOM; the list is anchored at its end, so it stays
 * pinned to the newest message while at the bottom, and older pages added above leave what is
 * on screen in place.
 */
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
  scrollRequest = null,
  highlightSeq = null,
  hasMoreBefore = false,
  hasMoreAfter = false,
  onNearStart,
  onNearEnd,
  onJumpToLatest,
}: MessageListProps) {
  const { t, language } = useI18n();
  const locale = intlLocale(language);
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'full' }), [locale]);
  const timeFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
    [locale],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const groups = useMemo(
    () => toGroups(rows, unreadFromSeq, hasMoreBefore),
    [rows, unreadFromSeq, hasMoreBefore],
  );
  const [isAtEnd, setIsAtEnd] = useState(true);
  // Edits in progress by message id: a row scrolled out of view unmounts, its draft stays.
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(new Map());
  const setDraft = useCallback((messageId: string, draft: string | null) => {
    setDrafts((current) => {
      const next = new Map(current);
      if (draft === null) next.delete(messageId);
      else next.set(messageId, draft);
      return next;
    });
  }, []);
  // The page that joins the live end after a jump is read, not skipped: follow from the next one.
  const [wasDetached, setWasDetached] = useState(hasMoreAfter);
  if (wasDetached !== hasMoreAfter) setWasDetached(hasMoreAfter);

  const estimateSize = useCallback((index: number) => estimate(groups[index]), [groups]);
  const getItemKey = useCallback((index: number) => groups[index]?.key ?? index, [groups]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this app
  const virtualizer = useVirtualizer({
    count: groups.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    measureElement: measureGroup,
    anchorTo: 'end',
    followOnAppend: !hasMoreAfter && !wasDetached,
    scrollEndThreshold: 48,
    overscan: 8,
    gap: GAP_PX,
    paddingStart: EDGE_PX,
    paddingEnd: EDGE_PX,
    onChange: (instance) => setIsAtEnd(instance.isAtEnd()),
  });

  // A separator added above a row on screen changes the row's height without resizing it; and
  // rows mounted mid-scroll wait for a measure. After the commit (React may not flush inside it),
  // before the paint.
  useLayoutEffect(() => {
    const node = scroller.current;
    if (!node) return;
    queueMicrotask(() =>
      node
        .querySelectorAll('[data-index]')
        .forEach((row) =>
          virtualizer.resizeItem(virtualizer.indexFromElement(row), measureGroup(row)),
        ),
    );
  }, [groups, virtualizer]);

  // Open at the newest message; the room view may ask for the first unread right after.
  const hasOpened = useRef(false);
  useLayoutEffect(() => {
    if (hasOpened.current || groups.length === 0) return;
    hasOpened.current = true;
    virtualizer.scrollToEnd();
  }, [groups.length, virtualizer]);

  const pendingFocus = useRef<number | null>(null);
  const handled = useRef<ScrollRequest | null>(null);
  useLayoutEffect(() => {
    if (!scrollRequest || handled.current === scrollRequest || groups.length === 0) return;
    if (scrollRequest.to === 'end') {
      handled.current = scrollRequest;
      virtualizer.scrollToEnd();
      return;
    }
    const { seq, isFocused } = scrollRequest;
    const index = groups.findIndex((g) => g.row.kind === 'message' && g.row.message.seq === seq);
    if (index < 0) return;
    handled.current = scrollRequest;
    virtualizer.scrollToIndex(index, { align: 'start' });
    if (!isFocused) return;
    const shown = scroller.current?.querySelector<HTMLElement>(`[data-seq="${seq}"]`);
    if (shown) shown.focus({ preventScroll: true });
    else pendingFocus.current = seq;
  }, [scrollRequest, groups, virtualizer]);

  // A jumped-to message rendered after the scroll takes focus as it mounts.
  const measureMessage = useCallback(
    (node: HTMLLIElement | null) => {
      virtualizer.measureElement(node);
      if (node && Number(node.dataset.seq) === pendingFocus.current) {
        pendingFocus.current = null;
        node.focus({ preventScroll: true });
      }
    },
    [virtualizer],
  );

  const onScroll = () => {
    const node = scroller.current;
    if (!node) return;
    if (hasMoreBefore && node.scrollTop < NEAR_EDGE_PX) onNearStart?.();
    const fromEnd = node.scrollHeight - node.clientHeight - node.scrollTop;
    if (hasMoreAfter && fromEnd < NEAR_EDGE_PX) onNearEnd?.();
  };

  const lastSeen =
    seenSeq === null
      ? null
      : rows.findLast(
          (r) => r.kind === 'message' && r.message.sender.id === meId && r.message.seq <= seenSeq,
        );
  const items = virtualizer.getVirtualItems();

  const renderRow = (row: MessageRow, index: number): ReactNode => {
    const createdAt = createdAtOf(row);
    const time = (
      <time className="message__time" dateTime={createdAt}>
        {timeFormat.format(new Date(createdAt))}
      </time>
    );

    if (row.kind === 'outbox') {
      const { entry } = row;
      const isFailed = entry.status === 'failed';
      const reason =
        isFailed && entry.errorCode && isErrorCodeKnown(entry.errorCode)
          ? t(`errorCode.${entry.errorCode}`)
          : null;
      return (
        <li
          ref={virtualizer.measureElement}
          data-index={index}
          className={`message message--mine message--${entry.status}`}
        >
          {entry.replyTo ? (
            <ReplyQuote
              quote={entry.replyTo}
              label={t('chat.reply.quote', { nickname: entry.replyTo.sender.nickname })}
            />
          ) : null}
          {entry.imageId ? <p className="message__text muted">{t('chat.image.sending')}</p> : null}
          {entry.text ? (
            <div className="message__text">
              <MessageText text={entry.text} />
            </div>
          ) : null}
          <span className="message__meta">
            {time}
            <span className="message__status">
              {isFailed ? t('chat.status.failed') : t('chat.status.pending')}
            </span>
          </span>
          {reason ? (
            <p className="message__reason" role="alert">
              {reason}
            </p>
          ) : null}
          {isFailed ? (
            <span className="message__meta">
              {canRetrySend(entry.errorCode) ? (
                <button
                  className="button button--ghost"
                  type="button"
                  onClick={() => onRetry(entry.clientMessageId)}
                >
                  {t('chat.retry')}
                </button>
              ) : null}
              <button
                className="button button--ghost"
                type="button"
                onClick={() => onDiscard(entry.clientMessageId)}
              >
                {t('chat.status.discard')}
              </button>
            </span>
          ) : null}
        </li>
      );
    }

    const { message } = row;
    const isMine = message.sender.id === meId;
    const isTarget = message.seq === highlightSeq;
    const className = ['message', isMine ? 'message--mine' : '', isTarget ? 'message--target' : '']
      .filter(Boolean)
      .join(' ');
    return (
      <li
        ref={measureMessage}
        data-index={index}
        data-seq={message.seq}
        className={className}
        tabIndex={-1}
      >
        <MessageItem
          message={message}
          meId={meId}
          isMine={isMine}
          actions={actions}
          draft={drafts.get(message.id) ?? null}
          onDraftChange={(draft) => setDraft(message.id, draft)}
          image={
            message.image && !message.deletedAt ? (
              <a className="message__image" href={message.image.url} target="_blank" rel="noopener">
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
              {row === lastSeen ? <span className="message__seen">{t('chat.seen')}</span> : null}
              {seenBy && seenBy.count > 0 && seenBy.seq === message.seq ? (
                <span className="message__seen">{t('chat.seenBy', { count: seenBy.count })}</span>
              ) : null}
            </span>
          }
        />
      </li>
    );
  };

  return (
    <div className="message-list__frame">
      <div
        className={`chat-room__scroller${rows.length === 0 ? ' chat-room__scroller--empty' : ''}`}
        ref={scroller}
        onScroll={onScroll}
      >
        <ol
          className="message-list"
          role="log"
          aria-live="polite"
          aria-label={label}
          style={{ height: virtualizer.getTotalSize(), paddingTop: items[0]?.start ?? 0 }}
        >
          {items.map(({ index }) => {
            const group = groups[index]!;
            return (
              <Fragment key={group.key}>
                {group.dayAt ? (
                  <li className="message-list__day" role="separator">
                    <time dateTime={group.dayAt}>{dayFormat.format(new Date(group.dayAt))}</time>
                  </li>
                ) : null}
                {group.isFirstUnread ? (
                  <li className="message-list__unread" role="separator">
                    {t('chat.unreadFrom')}
                  </li>
                ) : null}
                {renderRow(group.row, index)}
              </Fragment>
            );
          })}
        </ol>
      </div>
      {hasMoreAfter || !isAtEnd ? (
        <button
          className="button message-list__latest"
          type="button"
          onClick={() => (hasMoreAfter ? onJumpToLatest?.() : virtualizer.scrollToEnd())}
        >
          {t('chat.jumpToLatest')}
        </button>
      ) : null}
    </div>
  );
}

/** The server's thumbnail fits in 256×256 keeping the aspect ratio; reserve that box. */
function thumbSize({ width, height }: { width: number; height: number }) {
  const scale = Math.min(1, 256 / Math.max(width, height, 1));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
