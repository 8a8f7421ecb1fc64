import { EventEmitter2 } from 'eventemitter2';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/infra/database/data-source';
import { CommitFlushSubscriber } from '../../src/infra/events/commit-flush.subscriber';
import { DomainEventsService } from '../../src/infra/events/domain-events.service';
import { AuthSessionEntity } from '../../src/modules/auth/entities/auth-session.entity';
import { AuthSessionSubscriber } from '../../src/modules/auth/subscribers/auth-session.subscriber';
import { insertUser } from '../factories/entities';
import { readState } from '../support/env';

/** Medium-size test: the real subscribers on a real Postgres, without HTTP in between. */
let ds: DataSource;
let emitter: EventEmitter2;
const seen: { name: string; sessionId: string; at: 'during' | 'after' }[] = [];
let phase: 'during' | 'after' = 'during';

beforeAll(async () => {
  ds = createDataSource(readState().databaseUrl, 4);
  await ds.initialize();
  emitter = new EventEmitter2();
  const events = new DomainEventsService(emitter as never);
  new CommitFlushSubscriber(ds, events);
  new AuthSessionSubscriber(ds, events);
  for (const name of ['auth.session.created', 'auth.session.revoked']) {
    emitter.on(name, (p: { sessionId: string }) =>
      seen.push({ name, sessionId: p.sessionId, at: phase }),
    );
  }
});

afterAll(async () => {
  await ds?.destroy();
});

beforeEach(() => {
  seen.length = 0;
  phase = 'during';
});

const newUser = () => insertUser(ds);

function sessionFor(userId: string): Partial<AuthSessionEntity> {
  const now = new Date();
  return {
    userId,
    userAgent: 'jest',
    ip: null,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + 3600_000),
    revokedAt: null,
    revokedReason: null,
  };
}

describe('domain events are released after commit', () => {
  it('explicit transaction: nothing while it runs, the event right after COMMIT', async () => {
    const user = await newUser();
    let id = '';
    await ds.transaction(async (tx) => {
      id = (await tx.getRepository(AuthSessionEntity).save(sessionFor(user.id))).id;
      await new Promise((r) => setTimeout(r, 20));
      expect(seen).toEqual([]);
      phase = 'after';
    });
    expect(seen).toEqual([{ name: 'auth.session.created', sessionId: id, at: 'after' }]);
  });

  it('explicit transaction rolled back: no event at all', async () => {
    const user = await newUser();
    await expect(
      ds.transaction(async (tx) => {
        await tx.getRepository(AuthSessionEntity).save(sessionFor(user.id));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    expect(await ds.getRepository(AuthSessionEntity).countBy({ userId: user.id })).toBe(0);
  });

  it('plain save (implicit transaction): the event comes once the row is committed', async () => {
    const user = await newUser();
    emitter.once('auth.session.created', async (p: { sessionId: string }) => {
      // A listener can already read the committed row from another connection.
      const row = await ds.getRepository(AuthSessionEntity).findOneBy({ id: p.sessionId });
      seen.push({ name: 'visible', sessionId: row?.id ?? 'missing', at: 'after' });
    });
    const saved = await ds.getRepository(AuthSessionEntity).save(sessionFor(user.id));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual(
      expect.arrayContaining([
        { name: 'auth.session.created', sessionId: saved.id, at: 'during' },
        { name: 'visible', sessionId: saved.id, at: 'after' },
      ]),
    );
  });

  it('a rolled-back savepoint drops only its own events', async () => {
    const user = await newUser();
    let kept = '';
    await ds.transaction(async (tx) => {
      kept = (await tx.getRepository(AuthSessionEntity).save(sessionFor(user.id))).id;
      await tx
        .transaction(async (inner) => {
          await inner.getRepository(AuthSessionEntity).save(sessionFor(user.id));
          throw new Error('inner abort');
        })
        .catch(() => undefined);
      expect(seen).toEqual([]);
      phase = 'after';
    });
    expect(seen).toEqual([{ name: 'auth.session.created', sessionId: kept, at: 'after' }]);
  });

  it('an update that revokes a session records the revocation after commit', async () => {
    const user = await newUser();
    const s = await ds.getRepository(AuthSessionEntity).save(sessionFor(user.id));
    seen.length = 0;
    await ds.transaction(async (tx) => {
      const row = await tx.getRepository(AuthSessionEntity).findOneByOrFail({ id: s.id });
      row.revokedAt = new Date();
      row.revokedReason = 'logout';
      await tx.save(row);
      expect(seen).toEqual([]);
      phase = 'after';
    });
    expect(seen).toEqual([{ name: 'auth.session.revoked', sessionId: s.id, at: 'after' }]);
  });
});
