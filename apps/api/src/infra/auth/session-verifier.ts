import type { Principal } from './principal';

/**
 * Checks an access token and the live session behind it. Implemented by the auth module (bound
 * by AuthGuardsModule); the guards only know this shape.
 */
export abstract class SessionVerifier {
  /**
   * The principal of a bearer access token: signature, issuer, audience and expiry, then the
   * session row, so a revoked session or a deleted account fails at once. Throws an AppError
   * (401) when the token or its session is not valid.
   */
  abstract verifyAccessToken(token: string): Promise<Principal>;
}
