import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaModule } from '../media';
import { UserModule } from '../user';
import { ChatAccountFollowup } from './chat-account.followup';
import { CHAT_CONTACTS } from './chat-contacts.port';
import { SocialChatContacts } from './chat-contacts.social';
import { CHAT_MEDIA } from './chat-media.port';
import { MediaModuleChatMedia } from './chat-media.media-module';
import { ChatMediaService } from './chat-media.service';
import { ChatMembershipService } from './chat-membership.service';
import { ChatMessagesService } from './chat-messages.service';
import { ChatReadService } from './chat-read.service';
import { ChatRoomsService } from './chat-rooms.service';
import { CHAT_USERS } from './chat-users.port';
import { UserModuleChatUsers } from './chat-users.user-module';
import { ChatUnreadController } from './chat-unread.controller';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ChatMemberEntity } from './entities/chat-member.entity';
import { ChatMessageEntity } from './entities/chat-message.entity';
import { ChatReactionEntity } from './entities/chat-reaction.entity';
import { ChatRoomEntity } from './entities/chat-room.entity';
import { ChatMessageRepository } from './repositories/chat-message.repository';
import { ChatRoomRepository } from './repositories/chat-room.repository';
import { ChatMemberSubscriber } from './subscribers/chat-member.subscriber';
import { ChatMessageSubscriber } from './subscribers/chat-message.subscriber';
import { ChatReactionSubscriber } from './subscribers/chat-reaction.subscriber';
import { ChatRoomSubscriber } from './subscribers/chat-room.subscriber';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ChatMemberEntity,
      ChatMessageEntity,
      ChatReactionEntity,
      ChatRoomEntity,
    ]),
    UserModule,
    MediaModule,
  ],
  controllers: [ChatController, ChatUnreadController],
  providers: [
    { provide: CHAT_CONTACTS, useClass: SocialChatContacts },
    { provide: CHAT_MEDIA, useClass: MediaModuleChatMedia },
    { provide: CHAT_USERS, useClass: UserModuleChatUsers },
    ChatAccountFollowup,
    ChatGateway,
    ChatMediaService,
    ChatMemberSubscriber,
    ChatMembershipService,
    ChatMessageRepository,
    ChatMessageSubscriber,
    ChatMessagesService,
    ChatReactionSubscriber,
    ChatReadService,
    ChatRoomRepository,
    ChatRoomSubscriber,
    ChatRoomsService,
  ],
  // Other modules (study rooms) create rooms and manage their members through ChatRoomsService.
  exports: [ChatRoomsService],
})
export class ChatModule {}
