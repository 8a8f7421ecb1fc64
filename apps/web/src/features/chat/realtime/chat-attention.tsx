import type { ChatMessage } from '@orgo/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { hrefs, paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { setUnreadTotal } from '@/lib/document-title';
import { useSocket } from '@/lib/realtime-provider';
import { chatKeys } from '../api/chat-keys';
import { useUnreadTotal } from '../api/get-unread';
import { previewKind } from '../store/preview';

/** Unread totals are refetched at most this often during a burst of messages or reads. */
const UNREAD_REFRESH_MS = 300;
/** A toast stays this long unless closed (or its room opened) first. */
export const TOAST_MS = 6_000;
/** At most this many toasts on screen; the oldest gives way. */
const TOAST_MAX = 3;
/** Stands for "every room" while the room list is open. */
const ALL_ROOMS = '*';

interface Toast {
  id: string;
  roomId: string;
  nickname: string;
  text: string | null;
}

/**
 * While signed in, everywhere in the app: keeps the unread total (navigation badge, tab title)
 * fresh from the `/chat` events, and shows a toast for a message that arrives outside its room.
 */
export function ChatAttention({ meId }: { meId: string }) {
  const t = useT();
  const socket = useSocket('/chat');
  const queryClient = useQueryClient();
  const location = useLocation();
  const total = useUnreadTotal(true);
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const roomMatch = /^\/chat\/([^/]+)$/.exec(location.pathname);
  // The room list shows new messages itself: no toasts there either.
  const currentRoom =
    location.pathname === paths.chat
      ? ALL_ROOMS
      : roomMatch
        ? decodeURIComponent(roomMatch[1]!)
        : null;
  // Read by the socket listeners, which outlive renders.
  const openRoom = useRef<string | null>(currentRoom);

  useEffect(() => {
    setUnreadTotal(total);
    return () => setUnreadTotal(0);
  }, [total]);

  useEffect(() => {
    openRoom.current = currentRoom;
  }, [currentRoom]);
  // Opening a room makes its toasts moot.
  const shown =
    currentRoom === ALL_ROOMS ? [] : toasts.filter((toast) => toast.roomId !== currentRoom);

  useEffect(() => {
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const refreshUnread = () => {
      clearTimeout(refresh);
      refresh = setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: chatKeys.unread() }),
        UNREAD_REFRESH_MS,
      );
    };
    const onCreated = (message: ChatMessage) => {
      refreshUnread();
      const open = openRoom.current;
      if (message.sender.id === meId || open === ALL_ROOMS || message.roomId === open) return;
      const kind = previewKind(message);
      const toast: Toast = {
        id: message.id,
        roomId: message.roomId,
        nickname: message.sender.nickname,
        text: kind === 'text' ? message.text : null,
      };
      setToasts((all) =>
        all.some((t) => t.id === toast.id) ? all : [...all, toast].slice(-TOAST_MAX),
      );
    };
    const onRead = (e: { userId: string }) => {
      if (e.userId === meId) refreshUnread();
    };
    socket.on('message.created', onCreated);
    socket.on('message.deleted', refreshUnread);
    socket.on('room.read', onRead);
    socket.on('room.removed', refreshUnread);
    socket.on('rooms.joined', refreshUnread);
    return () => {
      clearTimeout(refresh);
      socket.off('message.created', onCreated);
      socket.off('message.deleted', refreshUnread);
      socket.off('room.read', onRead);
      socket.off('room.removed', refreshUnread);
      socket.off('rooms.joined', refreshUnread);
    };
  }, [socket, queryClient, meId]);

  // Each toast leaves on its own after a while.
  useEffect(() => {
    if (toasts.length === 0) return;
    const oldest = toasts[0]!;
    const timer = setTimeout(
      () => setToasts((all) => all.filter((toast) => toast.id !== oldest.id)),
      TOAST_MS,
    );
    return () => clearTimeout(timer);
  }, [toasts]);

  const dismiss = (id: string) => setToasts((all) => all.filter((toast) => toast.id !== id));

  return (
    <section className="toasts" aria-label={t('chat.attention.region')}>
      <ul className="toasts__list" role="status" aria-live="polite">
        {shown.map((toast) => (
          <li key={toast.id} className="toast">
            <Link
              className="toast__link"
              to={hrefs.chatRoom(toast.roomId)}
              onClick={() => dismiss(toast.id)}
            >
              <span className="toast__title">
                {t('chat.attention.from', { nickname: toast.nickname })}
              </span>
              <span className="toast__text">{toast.text ?? t('chat.attention.photo')}</span>
            </Link>
            <button
              className="toast__close"
              type="button"
              aria-label={t('chat.attention.dismiss')}
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
