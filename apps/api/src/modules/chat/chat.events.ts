import type {
  ChatMember,
  ChatMessage,
  ChatMessageDeleted,
  ChatMessageEdited,
  ChatReactionChange,
  ChatReadState,
  ChatRoomChange,
} from '@orgo/contracts';

/**
 * Who caused a membership or room change: the inviter, the one who left or expelled, the one who
 * renamed; null when another module acted without a person (e.g. a study adding its members).
 */
interface Acted {
  actorId: string | null;
}

/**
 * Payloads reuse the wire shapes, so the gateway relays most of them to `/chat` as they are; the
 * actor is for server-side consumers and is not relayed. The other events name their actor in
 * the wire shape: the sender of a message (`sender.id`, edits and deletes are the sender's
 * own), `userId` of a reaction or a read position.
 */
declare module '../../infra/events/domain-event-map' {
  interface DomainEventMap {
    'chat.member.joined': { roomId: string; member: ChatMember } & Acted;
    'chat.member.left': { roomId: string; userId: string } & Acted;
    'chat.message.created': ChatMessage;
    'chat.message.deleted': ChatMessageDeleted;
    'chat.message.updated': ChatMessageEdited;
    'chat.reaction.added': ChatReactionChange;
    'chat.reaction.removed': ChatReactionChange;
    'chat.room.read': ChatReadState;
    'chat.room.updated': ChatRoomChange & Acted;
  }
}
