import { Client } from 'pg';
import { readState } from './env';

/** A direct connection to the e2e database, for facts the API does not expose. */
export async function dbClient(): Promise<Client> {
  const db = new Client({ connectionString: readState().databaseUrl });
  await db.connect();
  return db;
}

/** Runs `work` on a short-lived connection to the e2e database. */
export async function withDb<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = await dbClient();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** How many media objects (rows) a user owns. */
export function mediaRowsOf(userId: string): Promise<number> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM media_object WHERE owner_id = $1',
      [userId],
    );
    return Number(rows[0].n);
  });
}

/** Polls an async fact until it holds: for effects that happen after commit, off the request. */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
