import type { DataSource } from 'typeorm';
import { Batcher } from '../../infra/database/batcher';
import { hotStatement } from '../../infra/database/prepared-statement';

export interface PrincipalRow {
  n: number;
  user_id: string;
  revoked_at: Date | null;
  expires_at: Date;
  last_used_at: Date;
  user_present: boolean;
  deleted_at: Date | null;
  email_verified_at: Date | null;
}

/**
 * The sessions behind access tokens and their users' state, by position in `$1`: every
 * authenticated request and socket handshake asks, and handshakes arriving together (everyone
 * reconnecting after an instance died) share one round trip. The rules stay in principalFromClaims.
 */
const PRINCIPALS = {
  name: 'auth_principals',
  text: `SELECT i.n::int AS n, s.user_id, s.revoked_at, s.expires_at, s.last_used_at,
                u.id IS NOT NULL AS user_present, u.deleted_at, u.email_verified_at
           FROM unnest($1::uuid[]) WITH ORDINALITY AS i(id, n)
           JOIN auth_session s ON s.id = i.id
           LEFT JOIN app_user u ON u.id = s.user_id`,
};

/** A session id as the API issues them; anything else would fail the whole batch's statement. */
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isSessionId = (id: string): boolean => SESSION_ID.test(id);

/** Looks up sessions by id for AuthService.principalFromClaims, batched into one round trip. */
export class SessionPrincipals {
  private readonly batcher: Batcher<string, PrincipalRow | undefined>;

  constructor(db: DataSource, prepared: boolean) {
    const statement = hotStatement<PrincipalRow>(db, { ...PRINCIPALS, prepared });
    this.batcher = new Batcher(
      async (sessionIds) => {
        const rows = await statement.run([sessionIds]);
        const found = sessionIds.map((): PrincipalRow | undefined => undefined);
        for (const row of rows) found[row.n - 1] = row;
        return found;
      },
      { name: 'auth-principal', maxInFlight: 2, maxBatch: 500 },
    );
  }

  find(sessionId: string): Promise<PrincipalRow | undefined> {
    return this.batcher.submit(sessionId);
  }
}
