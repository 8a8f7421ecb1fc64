// Provisioning straight into Postgres (users with verified sessions, group rooms and members) and
// access tokens minted exactly like the API mints them (HS256, iss/aud, typ=access, sub=user,
// sid=session row). Sign-up hashes with argon2 and is rate-limited per IP, so a benchmark seeds.
import { createHmac } from 'node:crypto';

const JWT_ISSUER = 'orgo';
const JWT_AUDIENCE = 'orgo-api';

/** Seeds users, sessions, rooms and members in the benchmark's database (a pg Client). */
export class Seeder {
  constructor(db) {
    this.db = db;
    this.pools = new Map(); // name -> [{ userId, sessionId }]
    this.blockRooms = new Map(); // `${pool}:${size}:${block}` -> roomId
  }

  /** The first n users of a pool (created on demand), each with a live verified session. */
  async users(pool, n) {
    const have = this.pools.get(pool) ?? [];
    if (have.length < n) {
      const t = Date.now();
      for (let from = have.length; from < n; from += 5000) {
        const to = Math.min(n, from + 5000);
        const idx = Array.from({ length: to - from }, (_, i) => from + i);
        const { rows } = await this.db.query(
          `INSERT INTO app_user (email, nickname, password_hash, email_verified_at)
           SELECT 'bench-' || $1 || '-' || i || '@bench.invalid', $1 || i, NULL, now()
             FROM unnest($2::int[]) AS i ORDER BY i
           RETURNING id`,
          [pool, idx],
        );
        const userIds = rows.map((r) => r.id);
        const sessions = await this.db.query(
          `INSERT INTO auth_session (user_id, user_agent, ip, last_used_at, expires_at)
           SELECT u, 'orgo-bench', '127.0.0.1', now(), now() + interval '1 day'
             FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, o) ORDER BY o
           RETURNING id, user_id`,
          [userIds],
        );
        const byUser = new Map(sessions.rows.map((r) => [r.user_id, r.id]));
        for (const userId of userIds) have.push({ userId, sessionId: byUser.get(userId) });
      }
      this.pools.set(pool, have);
      console.log(`[seed] ${pool}: ${n} users + sessions (${Date.now() - t} ms)`);
    }
    return have.slice(0, n);
  }

  /** Group rooms of `size` over consecutive users: users [k*size, (k+1)*size) share room k. */
  async blockRoomsFor(pool, users, size) {
    const missing = [];
    for (let k = 0; k * size < users.length; k++) {
      if (!this.blockRooms.has(`${pool}:${size}:${k}`)) missing.push(k);
    }
    if (missing.length) {
      const t = Date.now();
      const { rows } = await this.db.query(
        `INSERT INTO chat_room (kind, name, owner_id)
         SELECT 'group', 'bench ' || $1 || ' ' || k, o
           FROM unnest($2::int[], $3::uuid[]) WITH ORDINALITY AS t(k, o, n) ORDER BY n
         RETURNING id`,
        [`${pool}/${size}`, missing, missing.map((k) => users[k * size].userId)],
      );
      const roomIds = [];
      const memberIds = [];
      const roles = [];
      missing.forEach((k, i) => {
        this.blockRooms.set(`${pool}:${size}:${k}`, rows[i].id);
        for (let j = k * size; j < Math.min(users.length, (k + 1) * size); j++) {
          roomIds.push(rows[i].id);
          memberIds.push(users[j].userId);
          roles.push(j === k * size ? 'owner' : 'member');
        }
      });
      await this.db.query(
        `INSERT INTO chat_member (room_id, user_id, role)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[])`,
        [roomIds, memberIds, roles],
      );
      console.log(
        `[seed] ${missing.length} rooms of ${size} (${memberIds.length} members, ${Date.now() - t} ms)`,
      );
    }
    return users.map((u, i) => ({
      ...u,
      roomId: this.blockRooms.get(`${pool}:${size}:${Math.floor(i / size)}`),
    }));
  }

  /**
   * `perUser` layers of group rooms of `size` over `users`, so each user is in `perUser` rooms
   * with different people: layer 0 groups consecutive users, later layers a fixed rotation.
   */
  async layeredRooms(users, size, perUser) {
    const t = Date.now();
    let rooms = 0;
    for (let layer = 0; layer < perUser; layer++) {
      const order = users.map((_, i) => (i * (layer * 2 + 1) + layer) % users.length);
      const owners = [];
      for (let k = 0; k * size < order.length; k++) owners.push(users[order[k * size]].userId);
      const { rows } = await this.db.query(
        `INSERT INTO chat_room (kind, name, owner_id)
         SELECT 'group', 'bench ' || $1 || ' ' || n, o
           FROM unnest($2::uuid[]) WITH ORDINALITY AS t(o, n) ORDER BY n
         RETURNING id`,
        [layer, owners],
      );
      const roomIds = [];
      const memberIds = [];
      const roles = [];
      const seen = new Set();
      order.forEach((u, j) => {
        const room = rows[Math.floor(j / size)].id;
        const key = `${room}:${u}`;
        if (seen.has(key)) return;
        seen.add(key);
        roomIds.push(room);
        memberIds.push(users[u].userId);
        roles.push(j % size === 0 ? 'owner' : 'member');
      });
      await this.db.query(
        `INSERT INTO chat_member (room_id, user_id, role)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[])
         ON CONFLICT DO NOTHING`,
        [roomIds, memberIds, roles],
      );
      rooms += rows.length;
    }
    console.log(`[seed] ${rooms} rooms of ${size}, ${perUser} per user (${Date.now() - t} ms)`);
  }
}

function b64url(obj) {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

/** The API's access token: HS256 over { typ: 'access', sid } with sub, iat, exp, iss, aud. */
export function accessToken(secret, userId, sessionId) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url({ alg: 'HS256', typ: 'JWT' });
  const body = b64url({
    typ: 'access',
    sid: sessionId,
    iat: now,
    exp: now + 600,
    iss: JWT_ISSUER,
    aud: JWT_AUDIENCE,
    sub: userId,
  });
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** The X-Forwarded-For address of client connection n: 10.0.0.0/8, never reused in a run. */
export function ipFor(n) {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
