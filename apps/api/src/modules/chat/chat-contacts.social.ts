import { Inject, Injectable } from '@nestjs/common';
import { SocialService } from '../user';
import type { ChatContacts } from './chat-contacts.port';

/** The chat contact rules on the social graph: direct rooms start only with someone I follow. */
@Injectable()
export class SocialChatContacts implements ChatContacts {
  constructor(@Inject(SocialService) private readonly social: SocialService) {}

  /** The caller (ChatRoomsService) has already refused oneself and unknown or deleted users. */
  async canStartDirect(me: string, other: string): Promise<boolean> {
    const [follows, blocked] = await Promise.all([
      this.social.follows(me, other),
      this.social.isBlockedEitherWay(me, other),
    ]);
    return follows && !blocked;
  }

  isBlockedEitherWay(a: string, b: string): Promise<boolean> {
    return this.social.isBlockedEitherWay(a, b);
  }
}
