import type { Ack } from '../errors';
import type { ConnectionClosing, UserSummary } from './user.socket';

export type ChatRoomKind = 'direct' | 'group';
export type ChatMemberRole = 'member' | 'owner';
/** The module that manages a group room (its members, name and owner), if any. */
export type ChatRoomManager = 'study';

/** Everyone who reacted to a message with one emoji. */
export interface ChatReaction {
  emoji: string;
  userIds: string[];
}

/** The quoted message of a reply; `text` is null once the quoted message is deleted. */
export interface ChatMessageQuote {
  id: string;
  seq: number;
  sender: UserSummary;
  text: string | null;
  deletedAt: string | null;
}

/**
 * An image in a message. `url` is a signed, expiring same-origin URL (the `<img>` carries no
 * token); add `&size=thumb` for the small version. Fetch the message again for a fresh URL.
 */
export interface ChatImage {
  id: string;
  url: string;
  width: number;
  height: number;
}

/**
 * One chat message as every client sees it. `seq` is gap-free per room: a client that sees a seq
 * skip fetches `GET /api/chat/rooms/:id/messages?after_seq=<last>`. Clients drop duplicates by `id`.
 * A deleted message keeps its place with `text: null` and `deletedAt` set.
 */
export interface ChatMessage {
  id: string;
  roomId: string;
  seq: number;
  clientMessageId: string;
  sender: UserSummary;
  text: string | null;
  /** Null for text-only and deleted messages. */
  image: ChatImage | null;
  replyTo: ChatMessageQuote | null;
  reactions: ChatReaction[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

/** `message.updated`: an edit; clients patch the message they hold with this id. */
export interface ChatMessageEdited {
  id: string;
  roomId: string;
  seq: number;
  text: string;
  editedAt: string;
}

/** `message.deleted`: clients show the message as deleted (text gone, place kept). */
export interface ChatMessageDeleted {
  id: string;
  roomId: string;
  seq: number;
  deletedAt: string;
}

export interface ChatReactionChange {
  roomId: string;
  messageId: string;
  userId: string;
  emoji: string;
}

/** `room.updated`: a rename or a new owner. */
export interface ChatRoomChange {
  roomId: string;
  name: string | null;
  ownerId: string | null;
}

/** A member's read position; "seen by N" counts the other members with `lastReadSeq >= seq`. */
export interface ChatReadState {
  roomId: string;
  userId: string;
  lastReadSeq: number;
}

export interface ChatMember {
  user: UserSummary;
  role: ChatMemberRole;
  lastReadSeq: number;
  joinedAt: string;
}

/** `message.send`: the author is always the authenticated user; a `senderId` field is refused. */
export interface SendMessagePayload {
  roomId: string;
  /** A UUID chosen by the client; resending it returns the original message instead of a copy. */
  clientMessageId: string;
  /** 1–4000 characters; optional when `imageId` is given. */
  text?: string;
  /** From `POST /api/chat/rooms/:roomId/images`, uploaded by the sender to this room. */
  imageId?: string;
  replyToId?: string;
}

/** Server → client events on `/chat`. */
export interface ChatServerEvents {
  'connection.closing': (payload: ConnectionClosing) => void;
  'member.joined': (payload: { roomId: string; member: ChatMember }) => void;
  'member.left': (payload: { roomId: string; userId: string }) => void;
  /** To every member socket but the one whose `message.send` created it (its ack carries it). */
  'message.created': (payload: ChatMessage) => void;
  'message.deleted': (payload: ChatMessageDeleted) => void;
  'message.updated': (payload: ChatMessageEdited) => void;
  'reaction.added': (payload: ChatReactionChange) => void;
  'reaction.removed': (payload: ChatReactionChange) => void;
  'room.read': (payload: ChatReadState) => void;
  /** Membership ended (left or removed); nothing more of this room follows. */
  'room.removed': (payload: { roomId: string }) => void;
  'room.updated': (payload: ChatRoomChange) => void;
  /**
   * Sent once after connect, when the socket is subscribed to every room it belongs to: fetch
   * `after_seq` for each room only now, so nothing can fall between the fetch and the live stream.
   */
  'rooms.joined': (payload: { roomIds: string[] }) => void;
  'typing.started': (payload: { roomId: string; userId: string }) => void;
  'typing.stopped': (payload: { roomId: string; userId: string }) => void;
}

/** Client → server events on `/chat`; every one answers through its ack. */
export interface ChatClientEvents {
  'message.send': (payload: SendMessagePayload, ack: (res: Ack<ChatMessage>) => void) => void;
  /** Re-subscribes to a room the user belongs to; any other id answers `CHAT_ROOM_NOT_FOUND`. */
  'room.join': (payload: { roomId: string }, ack: (res: Ack<{ roomId: string }>) => void) => void;
  /** Moves my read position forward (never back); answers the position now stored. */
  'room.read': (
    payload: { roomId: string; seq: number },
    ack: (res: Ack<ChatReadState>) => void,
  ) => void;
  'typing.start': (payload: { roomId: string }, ack: (res: Ack<null>) => void) => void;
  'typing.stop': (payload: { roomId: string }, ack: (res: Ack<null>) => void) => void;
}
