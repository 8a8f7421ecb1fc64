import { Link } from 'react-router';
import { hrefs } from '@/config/paths';
import { useI18n } from '@/i18n/i18n-provider';
import type { ChatRoom } from '@/lib/api-types';
import { previewKind } from '../store/preview';
import { roomTitle } from './room-title';

function Preview({ room }: { room: ChatRoom }) {
  const { t } = useI18n();
  const last = room.lastMessage;
  if (!last) return <span className="muted">{t('chat.preview.none')}</span>;
  const kind = previewKind(last);
  const text =
    kind === 'deleted'
      ? t('chat.preview.deleted')
      : kind === 'photo'
        ? t('chat.preview.photo')
        : last.text;
  return (
    <span className="room-list__preview">
      {room.kind === 'group' ? `${last.sender.nickname}: ` : ''}
      {text}
    </span>
  );
}

/** Rooms as the server orders them: most recent activity first. */
export function RoomList({ rooms, label }: { rooms: ChatRoom[]; label: string }) {
  const { t, formatDateTime } = useI18n();
  return (
    <ul className="room-list" aria-label={label}>
      {rooms.map((room) => (
        <li key={room.id} className="room-list__item">
          <Link className="room-list__link" to={hrefs.chatRoom(room.id)}>
            <span className="room-list__head">
              <span className="room-list__title">{roomTitle(room)}</span>
              {room.kind === 'group' ? (
                <span className="muted">{t('chat.memberCount', { count: room.memberCount })}</span>
              ) : null}
              <time className="room-list__time muted" dateTime={room.lastActivityAt}>
                {formatDateTime(room.lastActivityAt)}
              </time>
            </span>
            <span className="room-list__body">
              <Preview room={room} />
              {room.unreadCount > 0 ? (
                <span
                  className="badge badge--accent room-list__unread"
                  aria-label={t('chat.unread', { count: room.unreadCount })}
                >
                  {room.unreadCount}
                </span>
              ) : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
