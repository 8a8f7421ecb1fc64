import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AccountFollowups } from '../../user';
import { OAuthService } from './oauth.service';

/** Sign-in's share of an account deletion (its provider links go), applied until done. */
@Injectable()
export class OAuthAccountFollowup implements OnModuleInit {
  constructor(
    @Inject(AccountFollowups) private readonly followups: AccountFollowups,
    @Inject(OAuthService) private readonly oauth: OAuthService,
  ) {}

  onModuleInit(): void {
    this.followups.register('oauth', (deletion) => this.oauth.onAccountDeleted(deletion));
  }
}
