import { Inject, Injectable } from '@nestjs/common';
import { UserService } from '../user/user.service';
import type { ChatContacts } from './chat-contacts.port';

/**
 * PROVISIONAL until the social module lands: any existing, non-deleted user counts as a contact
 * and nobody is blocked. Replace the CHAT_CONTACTS provider with one backed by SocialService.
 */
@Injectable()
export class ProvisionalChatContacts implements ChatContacts {
  constructor(@Inject(UserService) private readonly users: UserService) {}

  async canStartDirect(_me: string, other: string): Promise<boolean> {
    return (await this.users.findById(other)) !== null;
  }

  isBlockedEitherWay(_a: string, _b: string): Promise<boolean> {
    return Promise.resolve(false);
  }
}
