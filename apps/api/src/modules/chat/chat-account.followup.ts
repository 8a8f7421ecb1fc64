import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AccountFollowups } from '../user';
import { ChatService } from './chat.service';

/** Chat's share of an account deletion, applied until done (see AccountFollowups). */
@Injectable()
export class ChatAccountFollowup implements OnModuleInit {
  constructor(
    @Inject(AccountFollowups) private readonly followups: AccountFollowups,
    @Inject(ChatService) private readonly chat: ChatService,
  ) {}

  onModuleInit(): void {
    this.followups.register('chat', (deletion) => this.chat.onAccountDeleted(deletion));
  }
}
