import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AccountFollowups } from '../user';
import { ChatRoomsService } from './chat-rooms.service';

/** Chat's share of an account deletion, applied until done (see AccountFollowups). */
@Injectable()
export class ChatAccountFollowup implements OnModuleInit {
  constructor(
    @Inject(AccountFollowups) private readonly followups: AccountFollowups,
    @Inject(ChatRoomsService) private readonly rooms: ChatRoomsService,
  ) {}

  onModuleInit(): void {
    this.followups.register('chat', (deletion) => this.rooms.onAccountDeleted(deletion));
  }
}
