import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AccountFollowups } from '../user';
import { StudyService } from './study.service';

/** The study module's share of an account deletion, applied until done (see AccountFollowups). */
@Injectable()
export class StudyAccountFollowup implements OnModuleInit {
  constructor(
    @Inject(AccountFollowups) private readonly followups: AccountFollowups,
    @Inject(StudyService) private readonly studies: StudyService,
  ) {}

  onModuleInit(): void {
    this.followups.register('study', (deletion) => this.studies.onAccountDeleted(deletion));
  }
}
