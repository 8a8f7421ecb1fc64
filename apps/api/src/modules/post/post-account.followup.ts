import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AccountFollowups } from '../user';
import { PostWritingService } from './post-writing.service';

/** Posts' share of an account deletion, applied until done (see AccountFollowups). */
@Injectable()
export class PostAccountFollowup implements OnModuleInit {
  constructor(
    @Inject(AccountFollowups) private readonly followups: AccountFollowups,
    @Inject(PostWritingService) private readonly writing: PostWritingService,
  ) {}

  onModuleInit(): void {
    this.followups.register('post', (deletion) => this.writing.onAccountDeleted(deletion));
  }
}
