import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AccountFollowups } from '../user';
import { StudyMembershipService } from './study-membership.service';

/** The study module's share of an account deletion, applied until done (see AccountFollowups). */
@Injectable()
export class StudyAccountFollowup implements OnModuleInit {
  constructor(
    @Inject(AccountFollowups) private readonly followups: AccountFollowups,
    @Inject(StudyMembershipService) private readonly membership: StudyMembershipService,
  ) {}

  onModuleInit(): void {
    this.followups.register('study', (deletion) => this.membership.onAccountDeleted(deletion));
  }
}
