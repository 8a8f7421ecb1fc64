import type {
  ChatMember,
  ChatMessage,
  ChatMessageDeleted,
  ChatMessageEdited,
  ChatReactionChange,
  ChatReadState,
  ChatRoomChange,
} from '@orgo/contracts';

// Internal payloads reuse the wire shapes: the gateway relays them to `/chat` as they are.
declare module '../../infra/events/domain-event-map' {
  interface DomainEventMap {
    'chat.member.joined': { roomId: string; member: ChatMember };
    'chat.member.left': { roomId: string; userId: string };
    'chat.message.created': ChatMessage;
    'chat.message.deleted': ChatMessageDeleted;
    'chat.message.updated': ChatMessageEdited;
    'chat.reaction.added': ChatReactionChange;
    'chat.reaction.removed': ChatReactionChange;
    'chat.room.read': ChatReadState;
    'chat.room.updated': ChatRoomChange;
  }
}
