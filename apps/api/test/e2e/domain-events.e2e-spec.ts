import { Global, Injectable, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource, EntityManager } from 'typeorm';
import { createDataSource } from '../../src/infra/database/data-source';
import type { DomainEventMap } from '../../src/infra/events/domain-event-map';
import { DomainEventsService } from '../../src/infra/events/domain-events.service';
import { EventsModule } from '../../src/infra/events/events.module';
import { OnDomainEvent } from '../../src/infra/events/on-domain-event.decorator';
import { AuthSessionEntity } from '../../src/modules/auth/entities/auth-session.entity';
import { AuthSessionSubscriber } from '../../src/modules/auth/subscribers/auth-session.subscriber';
import { insertUser } from '../factories/entities';
import { eventually } from '../support/db';
import { readState } from '../support/env';

type Created = DomainEventMap['auth.session.created'];

/** Sessions whose user agent names a test behaviour; every other session is only observed. */
const CAUSE = 'cause';
const EFFECT = 'effect';
const CAUSE_THEN_FAIL = 'cause-then-fail';
const FAIL_AT_ONCE = 'fail-at-once';

/**
 * Test listeners, found at bootstrap like any provider's. In transaction: a `cause` session gets
 * an `effect` session written through the cause's manager; `cause-then-fail` gets its effect
 * written and then a failure; `fail-at-once` only fails.
 */
@Injectable()
class Probe {
  readonly seen: { name: string; sessionId: string; at: 'during' | 'after' }[] = [];
  readonly inTransaction: { sessionId: string; visibleToCause: boolean }[] = [];
  phase: 'during' | 'after' = 'during';

  @OnDomainEvent('auth.session.created')
  created(e: Created): void {
    this.seen.push({ name: 'auth.session.created', sessionId: e.sessionId, at: this.phase });
  }

  @OnDomainEvent('auth.session.revoked')
  revoked(e: { sessionId: string }): void {
    this.seen.push({ name: 'auth.session.revoked', sessionId: e.sessionId, at: this.phase });
  }

  @OnDomainEvent('auth.session.created', { phase: 'inTransaction' })
  async writeEffect(e: Created, manager: EntityManager): Promise<void> {
    if (e.userAgent !== CAUSE && e.userAgent !== CAUSE_THEN_FAIL) return;
    const visibleToCause = await manager.exists(AuthSessionEntity, { where: { id: e.sessionId } });
    this.inTransaction.push({ sessionId: e.sessionId, visibleToCause });
    await manager.getRepository(AuthSessionEntity).save(sessionFor(e.userId, EFFECT));
  }

  @OnDomainEvent('auth.session.created', { phase: 'inTransaction' })
  failWhenAsked(e: Created): void {
    if (e.userAgent === CAUSE_THEN_FAIL || e.userAgent === FAIL_AT_ONCE) {
      throw new Error(`refused ${e.sessionId}`);
    }
  }
}

let ds: DataSource;
let app: INestApplicationContext;
let probe: Probe;

beforeAll(async () => {
  ds = createDataSource(readState().databaseUrl, 4);
  await ds.initialize();

  @Global()
  @Module({ providers: [{ provide: DataSource, useValue: ds }], exports: [DataSource] })
  class DatabaseStub {}

  @Module({ imports: [DatabaseStub, EventsModule], providers: [AuthSessionSubscriber, Probe] })
  class EventsTestModule {}

  app = await NestFactory.createApplicationContext(EventsTestModule, { logger: false });
  await app.init();
  probe = app.get(Probe);
});

afterAll(async () => {
  await app?.close();
  await ds?.destroy();
});

beforeEach(() => {
  probe.seen.length = 0;
  probe.inTransaction.length = 0;
  probe.phase = 'during';
});

const newUser = () => insertUser(ds);

function sessionFor(userId: string, userAgent = 'jest'): Partial<AuthSessionEntity> {
  const now = new Date();
  return {
    userId,
    userAgent,
    ip: null,
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + 3600_000),
    revokedAt: null,
    revokedReason: null,
  };
}

function sessionsOf(userId: string): Promise<{ id: string; userAgent: string | null }[]> {
  return ds.getRepository(AuthSessionEntity).find({
    select: { id: true, userAgent: true },
    where: { userId },
  });
}

describe('domain events are released after commit', () => {
  it('explicit transaction: nothing while it runs, the event right after COMMIT', async () => {
    const user = await newUser();
    let id = '';
    await ds.transaction(async (tx) => {
      id = (await tx.getRepository(AuthSessionEntity).save(sessionFor(user.id))).id;
      await new Promise((r) => setTimeout(r, 20));
      expect(probe.seen).toEqual([]);
      probe.phase = 'after';
    });
    expect(probe.seen).toEqual([{ name: 'auth.session.created', sessionId: id, at: 'after' }]);
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
    expect(probe.seen).toEqual([]);
    expect(await ds.getRepository(AuthSessionEntity).countBy({ userId: user.id })).toBe(0);
  });

  it('plain save (implicit transaction): the event comes once the row is committed', async () => {
    const user = await newUser();
    const events = probeEvents();
    const visible: string[] = [];
    events.on('auth.session.created', async (p) => {
      if (p.userId !== user.id) return;
      // A listener can already read the committed row from another connection.
      const row = await ds.getRepository(AuthSessionEntity).findOneBy({ id: p.sessionId });
      visible.push(row?.id ?? 'missing');
    });
    const saved = await ds.getRepository(AuthSessionEntity).save(sessionFor(user.id));
    expect(probe.seen).toEqual([
      { name: 'auth.session.created', sessionId: saved.id, at: 'during' },
    ]);
    await eventually(async () => visible.length > 0, 'the listener to read the row');
    expect(visible).toEqual([saved.id]);
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
      expect(probe.seen).toEqual([]);
      probe.phase = 'after';
    });
    expect(probe.seen).toEqual([{ name: 'auth.session.created', sessionId: kept, at: 'after' }]);
  });

  it('an update that revokes a session records the revocation after commit', async () => {
    const user = await newUser();
    const s = await ds.getRepository(AuthSessionEntity).save(sessionFor(user.id));
    probe.seen.length = 0;
    await ds.transaction(async (tx) => {
      const row = await tx.getRepository(AuthSessionEntity).findOneByOrFail({ id: s.id });
      row.revokedAt = new Date();
      row.revokedReason = 'logout';
      await tx.save(row);
      expect(probe.seen).toEqual([]);
      probe.phase = 'after';
    });
    expect(probe.seen).toEqual([{ name: 'auth.session.revoked', sessionId: s.id, at: 'after' }]);
  });
});

describe('in-transaction listeners', () => {
  it('write through the cause’s manager and commit with it; their own events follow after commit', async () => {
    const user = await newUser();
    let cause = '';
    await ds.transaction(async (tx) => {
      cause = (await tx.getRepository(AuthSessionEntity).save(sessionFor(user.id, CAUSE))).id;
      expect(probe.inTransaction).toEqual([]);
      probe.phase = 'after';
    });
    // It ran inside the cause's transaction: the uncommitted cause was visible to it.
    expect(probe.inTransaction).toEqual([{ sessionId: cause, visibleToCause: true }]);
    const rows = await sessionsOf(user.id);
    expect(rows.map((r) => r.userAgent).sort()).toEqual([CAUSE, EFFECT]);
    const effect = rows.find((r) => r.userAgent === EFFECT)!.id;
    expect(probe.seen).toEqual([
      { name: 'auth.session.created', sessionId: cause, at: 'after' },
      { name: 'auth.session.created', sessionId: effect, at: 'after' },
    ]);
  });

  it('run for a plain save too (its implicit transaction)', async () => {
    const user = await newUser();
    const cause = await ds.getRepository(AuthSessionEntity).save(sessionFor(user.id, CAUSE));
    expect(probe.inTransaction).toEqual([{ sessionId: cause.id, visibleToCause: true }]);
    expect((await sessionsOf(user.id)).map((r) => r.userAgent).sort()).toEqual([CAUSE, EFFECT]);
  });

  it('a failure after the effect was written rolls back the cause and the effect; the caller sees it', async () => {
    const user = await newUser();
    let cause = '';
    await expect(
      ds.transaction(async (tx) => {
        cause = (
          await tx.getRepository(AuthSessionEntity).save(sessionFor(user.id, CAUSE_THEN_FAIL))
        ).id;
      }),
    ).rejects.toThrow(/^refused /);
    expect(probe.inTransaction).toEqual([{ sessionId: cause, visibleToCause: true }]);
    expect(await sessionsOf(user.id)).toEqual([]);
    // After-commit listeners never saw the rolled-back cause, nor the effect written inside it.
    await new Promise((r) => setTimeout(r, 20));
    expect(probe.seen).toEqual([]);
  });

  it('a failing listener fails a plain save: no row, no after-commit event', async () => {
    const user = await newUser();
    await expect(
      ds.getRepository(AuthSessionEntity).save(sessionFor(user.id, FAIL_AT_ONCE)),
    ).rejects.toThrow(/^refused /);
    expect(await sessionsOf(user.id)).toEqual([]);
    expect(probe.seen).toEqual([]);
  });

  it('run once, at the outer COMMIT, and not for an event of a rolled-back savepoint', async () => {
    const user = await newUser();
    let kept = '';
    await ds.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await inner.getRepository(AuthSessionEntity).save(sessionFor(user.id, CAUSE_THEN_FAIL));
          throw new Error('inner abort');
        })
        .catch(() => undefined);
      await tx.transaction(async (inner) => {
        kept = (await inner.getRepository(AuthSessionEntity).save(sessionFor(user.id, CAUSE))).id;
      });
      // A released savepoint is not the commit: nothing ran yet.
      expect(probe.inTransaction).toEqual([]);
    });
    expect(probe.inTransaction).toEqual([{ sessionId: kept, visibleToCause: true }]);
    expect((await sessionsOf(user.id)).map((r) => r.userAgent).sort()).toEqual([CAUSE, EFFECT]);
  });
});

describe('record and publish', () => {
  it('record refuses a manager outside a transaction', () => {
    expect(() =>
      probeEvents().record(ds.manager, 'auth.session.revoked', {
        sessionId: 's',
        userId: 'u',
        reason: 'test',
      }),
    ).toThrow(/outside a transaction/);
  });
});

function probeEvents(): DomainEventsService {
  return app.get(DomainEventsService);
}
