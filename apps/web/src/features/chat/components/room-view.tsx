import type { ChatMessage } from '@orgo/contracts';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { LoadMoreButton } from '@/components/load-more-button';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { setPageTitle } from '@/lib/document-title';
import { useErrorMessage } from '@/i18n/use-error-message';
import { deleteMessage } from '../api/delete-message';
import { editMessage } from '../api/edit-message';
import { useRoom } from '../api/get-room';
import { setReaction } from '../api/set-reaction';
import { CHAT_IMAGE_MAX_BYTES, CHAT_IMAGE_TYPES, uploadChatImage } from '../api/upload-image';
import { useOutboxEntries, useRoomTimeline, useTypingUsers } from '../hooks/use-room-timeline';
import { useChatEngine } from '../realtime/chat-engine-provider';
import { countSeenBy } from '../store/seen-by';
import { firstUnreadSeq } from '../store/unread-divider';
import { Composer } from './composer';
import { ConnectionNotice } from './connection-notice';
import { JumpToDate } from './jump-to-date';
import type { MessageActions } from './message-item';
import { MembersPanel, type MemberPresence } from './members-panel';
import { MessageList, type MessageRow, type ScrollRequest } from './message-list';
import { ReplyQuote } from './reply-quote';
import { roomTitle } from './room-title';

/** One room: its history and live messages, the composer, typing and "seen". */
export function RoomView({
  roomId,
  meId,
  MemberPresence,
}: {
  roomId: string;
  meId: string;
  /** Members' presence, from the user feature (composed by the page). */
  MemberPresence?: MemberPresence;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const engine = useChatEngine();
  const room = useRoom(roomId);
  const timeline = useRoomTimeline(roomId);
  const outbox = useOutboxEntries();
  const typists = useTypingUsers(roomId);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const title = room.data ? roomTitle(room.data) : '…';
  const [imageProgress, setImageProgress] = useState<number | null>(null);
  const [imageError, setImageError] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<ChatMessage | null>(null);
  const [isMembersOpen, setIsMembersOpen] = useState(false);
  const [highlightSeq, setHighlightSeq] = useState<number | null>(null);
  const [hasJumpFailed, setHasJumpFailed] = useState(false);
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const menuId = useId();
  const store = engine.timeline(roomId);
  const wasRemoved = useSyncExternalStore(engine.subscribe, () => engine.wasRemoved(roomId));
  // Once shown, a room that cannot be loaded any more is one I was removed from, not a wrong link.
  const [hasShown, setHasShown] = useState(false);
  if (room.data && !hasShown) setHasShown(true);
  const isRemoved = wasRemoved || (room.isError && hasShown);
  const appName = t('app.name');
  useEffect(() => setPageTitle(`${title} · ${appName}`), [title, appName]);

  const jumpToLatest = async () => {
    setHasJumpFailed(false);
    try {
      await store.jumpToLatest();
      setHighlightSeq(null);
      setScrollRequest({ to: 'end' });
    } catch {
      setHasJumpFailed(true);
    }
  };

  // A room opens at its newest messages, even when it was left deep in its history.
  useEffect(() => {
    if (!store.getState().hasMoreAfter) return;
    store.jumpToLatest().then(
      () => setScrollRequest({ to: 'end' }),
      () => setHasJumpFailed(true),
    );
  }, [store]);

  const sendWith = (text: string, imageId?: string) => {
    engine.send(roomId, text, { imageId, replyTo: replyTo ?? undefined });
    setReplyTo(null);
    // What I send goes at the end: after a jump into history, back to it.
    if (timeline.hasMoreAfter) void jumpToLatest();
    else setScrollRequest({ to: 'end' });
  };

  // Upload first (with progress), then send the message through the outbox like any other.
  const sendImage = async (file: File) => {
    setImageError(null);
    if (!CHAT_IMAGE_TYPES.includes(file.type)) return setImageError(t('chat.image.unsupported'));
    if (file.size > CHAT_IMAGE_MAX_BYTES) return setImageError(t('chat.image.tooLarge'));
    setImageProgress(0);
    try {
      const image = await uploadChatImage(roomId, file, setImageProgress);
      sendWith('', image.id);
    } catch (err) {
      setImageError(errorMessage(err));
    } finally {
      setImageProgress(null);
    }
  };

  // REST changes; the socket events bring them to everyone, and to this tab at once as well.
  const actions = useMemo<MessageActions>(() => {
    const timeline = engine.timeline(roomId);
    return {
      async edit(message, text) {
        const edited = await editMessage(roomId, message.id, text);
        if (edited.text !== null && edited.editedAt !== null)
          timeline.applyEdit({ ...edited, text: edited.text, editedAt: edited.editedAt });
      },
      async remove(message) {
        await deleteMessage(roomId, message.id);
        timeline.applyDelete({ ...message, deletedAt: new Date().toISOString() });
      },
      reply: setReplyTo,
      async react(message, emoji, isOn) {
        await setReaction(roomId, message.id, emoji, isOn);
        timeline.applyReaction({ roomId, messageId: message.id, userId: meId, emoji }, isOn);
      },
    };
  }, [engine, roomId, meId, setReplyTo]);

  const rows = useMemo<MessageRow[]>(() => {
    const sent = new Set(
      timeline.messages.filter((m) => m.sender.id === meId).map((m) => m.clientMessageId),
    );
    // Unsent messages belong after the newest one, not under a page of history.
    const unsent = timeline.hasMoreAfter
      ? []
      : outbox.filter((e) => e.roomId === roomId && !sent.has(e.clientMessageId));
    return [
      ...timeline.messages.map((message) => ({ kind: 'message' as const, message })),
      ...unsent.map((entry) => ({ kind: 'outbox' as const, entry })),
    ];
  }, [timeline.messages, timeline.hasMoreAfter, outbox, roomId, meId]);

  // Read marks stop at the last contiguous seq: a message still missing below is not read yet.
  const lastSeq = timeline.lastContiguousSeq;

  // Where I stopped reading and how much was unread, fixed when the room opens (reading moves
  // them right after).
  const [opened, setOpened] = useState<{
    lastReadSeq: number;
    unreadCount: number;
    /** The newest message when the room opened: what arrives after it is read live. */
    atSeq: number;
  } | null>(null);
  if (!opened && room.data && timeline.status === 'ready') {
    const { lastReadSeq, unreadCount } = room.data;
    const atSeq = Math.max(room.data.lastSeq, lastReadSeq);
    setOpened({ lastReadSeq, unreadCount, atSeq });
    // The list opens at the newest message; with unread ones on this page, at the first of them.
    const first = firstUnreadSeq(timeline.messages, lastReadSeq, atSeq, meId);
    if (first !== null) setScrollRequest({ to: 'seq', seq: first });
  }
  const unreadFromSeq = useMemo(
    () =>
      opened ? firstUnreadSeq(timeline.messages, opened.lastReadSeq, opened.atSeq, meId) : null,
    [opened, timeline.messages, meId],
  );
  // More were unread than the window reaches back to: offer the jump instead of a wrong divider.
  const isUnreadOutOfView =
    opened !== null &&
    opened.unreadCount > 0 &&
    (timeline.messages[0]?.seq ?? 0) > opened.lastReadSeq + 1;

  const jumpToUnread = async () => {
    if (!opened) return;
    setHasJumpFailed(false);
    try {
      const seq = await store.jumpToSeq(opened.lastReadSeq + 1);
      const first =
        firstUnreadSeq(store.getState().messages, opened.lastReadSeq, opened.atSeq, meId) ?? seq;
      setHighlightSeq(null);
      if (first !== null) setScrollRequest({ to: 'seq', seq: first, isFocused: true });
    } catch {
      setHasJumpFailed(true);
    }
  };

  const jumpToDate = async (isoDate: string) => {
    const seq = await store.jumpToDate(isoDate);
    if (seq === null) return false;
    setHighlightSeq(seq);
    setScrollRequest({ to: 'seq', seq, isFocused: true });
    return true;
  };

  // Read up to the newest message whenever it changes while the tab is visible.
  useEffect(() => {
    const read = () => {
      if (document.visibilityState === 'visible' && lastSeq > 0) engine.markRead(roomId, lastSeq);
    };
    read();
    document.addEventListener('visibilitychange', read);
    return () => document.removeEventListener('visibilitychange', read);
  }, [engine, roomId, lastSeq]);

  const peer = room.data?.peer ?? null;
  // "Seen" marks belong to the newest messages, not to a page of history.
  const seenSeq =
    peer && !timeline.hasMoreAfter
      ? Math.max(
          timeline.reads[peer.id] ?? 0,
          room.data?.members.find((m) => m.user.id === peer.id)?.lastReadSeq ?? 0,
        )
      : null;
  const myLastSeq = timeline.messages.findLast((m) => m.sender.id === meId)?.seq;
  const seenBy =
    room.data?.kind === 'group' && myLastSeq !== undefined && !timeline.hasMoreAfter
      ? {
          seq: myLastSeq,
          count: countSeenBy(room.data.members, timeline.reads, meId, myLastSeq),
        }
      : null;
  const names = typists.map(
    (id) => room.data?.members.find((m) => m.user.id === id)?.user.nickname ?? '…',
  );

  const header = (heading: string) => (
    <div className="chat-room__bar">
      <Link className="chat-room__back" to={paths.chat} aria-label={t('chat.toList')}>
        <span aria-hidden="true">‹</span>
      </Link>
      <h1 className="chat-room__title page__title" tabIndex={-1}>
        {heading}
      </h1>
      {room.data && !isRemoved ? (
        <button
          className="button button--ghost chat-room__menu-button"
          type="button"
          aria-expanded={isMenuOpen}
          aria-controls={menuId}
          onClick={() => setIsMenuOpen((isOpen) => !isOpen)}
        >
          {t('chat.roomMenu')}
        </button>
      ) : null}
    </div>
  );

  if (isRemoved) {
    return (
      <div className="page chat-room-page">
        {header(room.data ? title : t('chat.title'))}
        <div className="card stack stack--tight" role="status">
          <h2 className="card__title">{t('chat.removed.title')}</h2>
          <p className="muted">{t('chat.removed.description')}</p>
          <Link className="button" to={paths.chat}>
            {t('chat.toList')}
          </Link>
        </div>
      </div>
    );
  }

  if (room.isError) {
    return (
      <div className="page chat-room-page">
        {header(t('chat.title'))}
        <FormAlert>{errorMessage(room.error)}</FormAlert>
        <Link to={paths.chat}>{t('chat.toList')}</Link>
      </div>
    );
  }

  return (
    <div className="page chat-room-page">
      {header(title)}
      <div className="chat-room">
        {isMenuOpen ? (
          <div className="chat-room__menu card" id={menuId}>
            <JumpToDate onJump={jumpToDate} disabled={timeline.status !== 'ready'} />
            {room.data?.kind === 'group' ? (
              <button
                className="button button--ghost"
                type="button"
                aria-expanded={isMembersOpen}
                onClick={() => setIsMembersOpen((isOpen) => !isOpen)}
              >
                {t('chat.members.toggle')}
              </button>
            ) : null}
            {isMembersOpen && room.data?.kind === 'group' ? (
              <MembersPanel room={room.data} meId={meId} Presence={MemberPresence} />
            ) : null}
          </div>
        ) : null}
        <ConnectionNotice />
        {isUnreadOutOfView ? (
          <button className="button" type="button" onClick={() => void jumpToUnread()}>
            {t('chat.jumpToUnread', { count: opened.unreadCount })}
          </button>
        ) : null}
        <FormAlert>{hasJumpFailed ? t('chat.loadFailed') : null}</FormAlert>
        <LoadMoreButton
          label={t('chat.loadOlder')}
          query={{
            hasNextPage: timeline.hasMoreBefore,
            isFetchingNextPage: timeline.isLoadingOlder,
            fetchNextPage: () => store.loadOlder(),
          }}
        />
        {timeline.status === 'loading' ? (
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        ) : null}
        {timeline.status === 'error' ? (
          <div className="stack stack--tight">
            <FormAlert>{t('chat.loadFailed')}</FormAlert>
            <button className="button" type="button" onClick={() => void store.load()}>
              {t('chat.retry')}
            </button>
          </div>
        ) : null}
        {timeline.status === 'ready' && rows.length === 0 ? (
          <p className="muted">{t('chat.noMessages')}</p>
        ) : null}
        <MessageList
          label={t('chat.messages', { title })}
          rows={rows}
          meId={meId}
          seenSeq={seenSeq}
          seenBy={seenBy}
          unreadFromSeq={unreadFromSeq}
          onRetry={engine.retry}
          onDiscard={engine.discard}
          actions={actions}
          scrollRequest={scrollRequest}
          highlightSeq={highlightSeq}
          hasMoreBefore={timeline.hasMoreBefore}
          hasMoreAfter={timeline.hasMoreAfter}
          onNearStart={() => void store.loadOlder()}
          onNearEnd={() => void store.loadNewer()}
          onJumpToLatest={() => void jumpToLatest()}
        />
        <LoadMoreButton
          label={t('chat.loadNewer')}
          query={{
            hasNextPage: timeline.hasMoreAfter,
            isFetchingNextPage: timeline.isLoadingNewer,
            fetchNextPage: () => store.loadNewer(),
          }}
        />
        <p className="chat-room__typing muted" aria-live="polite">
          {names.length > 0 ? t('chat.typing', { names: names.join(', ') }) : null}
        </p>
        {imageError ? <FormAlert>{imageError}</FormAlert> : null}
        {replyTo ? (
          <div className="chat-room__reply">
            <ReplyQuote
              quote={replyTo}
              label={t('chat.reply.target', { nickname: replyTo.sender.nickname })}
            />
            <button className="button button--ghost" type="button" onClick={() => setReplyTo(null)}>
              {t('chat.reply.cancel')}
            </button>
          </div>
        ) : null}
        <Composer
          onSend={(text) => sendWith(text)}
          onTyping={(isTyping) => engine.setTyping(roomId, isTyping)}
          onImage={(file) => void sendImage(file)}
          imageProgress={imageProgress}
        />
      </div>
    </div>
  );
}
