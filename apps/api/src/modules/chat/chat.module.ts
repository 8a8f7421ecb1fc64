import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaModule } from '../media/media.module';
import { UserModule } from '../user/user.module';
import { ChatAccountFollowup } from './chat-account.followup';
import { CHAT_CONTACTS } from './chat-contacts.port';
import { SocialChatContacts } from './chat-contacts.social';
import { ChatUnreadController } from './chat-unread.controller';
import { ChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
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
    ChatAccountFollowup,
    ChatGateway,
    ChatMemberSubscriber,
    ChatMessageRepository,
    ChatMessageSubscriber,
    ChatReactionSubscriber,
    ChatRoomRepository,
    ChatRoomSubscriber,
    ChatService,
  ],
  exports: [ChatService],
})
export class ChatModule {}
