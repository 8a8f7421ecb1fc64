import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { OnDomainEvent } from '../../infra/events/on-domain-event.decorator';
import type { Readable } from 'node:stream';
import type { DomainEventMap } from '../../infra/events/domain-event-map';
import { MediaService } from '../media';
import { toUserSummary, UserSummaryDto } from './dto/user-summary.dto';
import { UserService } from './user.service';

@Injectable()
export class AvatarService implements OnModuleInit {
  private readonly logger = new Logger(AvatarService.name);

  constructor(
    @Inject(UserService) private readonly users: UserService,
    @Inject(MediaService) private readonly media: MediaService,
  ) {}

  /** An avatar upload no profile points at (a failed swap, a missed delete) is swept later. */
  onModuleInit(): void {
    this.media.registerAttachmentCheck('avatar', (ids) => this.users.avatarKeysInUse(ids));
  }

  /** Stores the new picture, points the profile at it, then deletes the one it replaced. */
  async replace(userId: string, file: Readable): Promise<UserSummaryDto> {
    const stored = await this.media.ingestImage(userId, file, 'avatar');
    let swap: Awaited<ReturnType<UserService['setAvatarKey']>>;
    try {
      swap = await this.users.setAvatarKey(userId, stored.id);
    } catch (err) {
      await this.discard(userId, stored.id);
      throw err;
    }
    if (swap.previousKey) await this.discard(userId, swap.previousKey);
    return toUserSummary(swap.user);
  }

  async remove(userId: string): Promise<UserSummaryDto> {
    const swap = await this.users.setAvatarKey(userId, null);
    if (swap.previousKey) await this.discard(userId, swap.previousKey);
    return toUserSummary(swap.user);
  }

  /** A withdrawn account's picture is personal data: it goes with the account. */
  @OnDomainEvent('user.account.deleted')
  async onAccountDeleted(event: DomainEventMap['user.account.deleted']): Promise<void> {
    if (event.avatarKey) await this.discard(event.userId, event.avatarKey);
  }

  // The profile change already happened; a storage hiccup leaves an orphan row to clean, not an error.
  private async discard(userId: string, key: string): Promise<void> {
    await this.media
      .deleteOwned(userId, key)
      .catch((err: unknown) => this.logger.error({ err, key }, 'could not delete an old avatar'));
  }
}
