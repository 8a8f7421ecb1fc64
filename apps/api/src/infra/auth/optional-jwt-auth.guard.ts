import { Injectable } from '@nestjs/common';
import { JwtAuthGuard } from './jwt-auth.guard';
import type { Principal } from './principal';

/**
 * For endpoints anonymous visitors may read: no token → anonymous; a bad or revoked token is
 * still an error, so a client with a stale token refreshes instead of silently losing its view.
 * Everything else (the API budget charged once the caller is known) is JwtAuthGuard's.
 */
@Injectable()
export class OptionalJwtAuthGuard extends JwtAuthGuard {
  protected override async principalOf(token: string | undefined): Promise<Principal | null> {
    return token ? this.verify(token) : null;
  }
}
