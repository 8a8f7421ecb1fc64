import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AccountFollowups } from '../user';
import { PostService } from './post.service';

/** Posts' share of an account deletion, applied until done (see AccountFollowups). */
@Injectable()
export class PostAccountFollowup implements OnModuleInit {
  constructor(
    @Inject(AccountFollowups) private readonly followups: AccountFollowups,
    @Inject(PostService) private readonly posts: PostService,
  ) {}

  onModuleInit(): void {
    this.followups.register('post', (deletion) => this.posts.onAccountDeleted(deletion));
  }
}
