import type { ChatMessage } from '@orgo/contracts';
import type { EntityManager } from 'typeorm';
import type { DomainEventEnvelope } from './domain-event-map';
import { DomainEventsService } from './domain-events.service';
import { listenerMetadata, OnDomainEvent } from './on-domain-event.decorator';

/**
 * Uses the modules' events, which their `*.events.ts` add to DomainEventMap for the whole
 * program. Compiled by `tsc` in typecheck: each `@ts-expect-error` below fails the typecheck if the
 * decorator stops refusing that mistake.
 */
class Listeners {
  readonly seen: unknown[] = [];

  @OnDomainEvent('chat.message.created')
  created(message: ChatMessage, envelope: DomainEventEnvelope): void {
    this.seen.push([message.id, envelope.originSocketId]);
  }

  // A listener may ask for less than the payload carries.
  @OnDomainEvent('chat.member.left')
  left(e: { roomId: string }): void {
    this.seen.push(e.roomId);
  }

  @OnDomainEvent('user.follow.created', { phase: 'inTransaction' })
  async followed(e: { followerId: string }, manager: EntityManager): Promise<void> {
    await manager.query('SELECT $1', [e.followerId]);
  }

  // @ts-expect-error: no such event
  @OnDomainEvent('chat.message.sent')
  misspelt(payload: unknown): void {
    this.seen.push(payload);
  }

  // @ts-expect-error: chat.member.left carries no ChatMessage
  @OnDomainEvent('chat.member.left')
  wrongPayload(message: ChatMessage): void {
    this.seen.push(message.text);
  }

  // @ts-expect-error: a field the payload does not have
  @OnDomainEvent('user.follow.created')
  wrongField(e: { blockerId: string }): void {
    this.seen.push(e.blockerId);
  }

  // @ts-expect-error: an in-transaction listener gets the manager, not the envelope
  @OnDomainEvent('user.follow.created', { phase: 'inTransaction' })
  wrongSecond(e: { followerId: string }, envelope: { originSocketId: number }): void {
    this.seen.push([e, envelope]);
  }
}

describe('@OnDomainEvent', () => {
  it('declares the event name and phase on the method', () => {
    const proto = Listeners.prototype;
    expect(listenerMetadata(proto.created)).toEqual([
      { name: 'chat.message.created', phase: 'afterCommit' },
    ]);
    expect(listenerMetadata(proto.followed)).toEqual([
      { name: 'user.follow.created', phase: 'inTransaction' },
    ]);
  });

  it('publish reaches after-commit listeners with the envelope, never in-transaction ones', () => {
    const events = new DomainEventsService();
    const l = new Listeners();
    const inTx = jest.fn();
    events.on('chat.message.created', (m, env) => l.created(m, env));
    events.on('user.follow.created', inTx, 'inTransaction');
    events.publish('chat.message.created', { id: 'm1' } as ChatMessage, { originSocketId: 's1' });
    events.publish('chat.message.created', { id: 'm2' } as ChatMessage);
    events.publish('user.follow.created', {
      followerId: 'a',
      followeeId: 'b',
      actorId: 'a',
      createdAt: '',
    });
    expect(l.seen).toEqual([
      ['m1', 's1'],
      ['m2', undefined],
    ]);
    expect(inTx).not.toHaveBeenCalled();
  });

  it('an after-commit failure is logged by event name and does not reach the publisher', async () => {
    const events = new DomainEventsService();
    const logged: unknown[] = [];
    (events as unknown as { logger: { error: (o: unknown) => void } }).logger = {
      error: (o) => logged.push(o),
    };
    const after = jest.fn();
    events.on('chat.member.left', () => {
      throw new Error('sync');
    });
    events.on('chat.member.left', () => Promise.reject(new Error('async')));
    events.on('chat.member.left', after);
    expect(() =>
      events.publish('chat.member.left', { roomId: 'r', userId: 'u', actorId: null }),
    ).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    await new Promise(setImmediate);
    expect(logged).toEqual([
      { err: new Error('sync'), event: 'chat.member.left' },
      { err: new Error('async'), event: 'chat.member.left' },
    ]);
  });

  it('record refuses a manager outside a transaction', () => {
    const events = new DomainEventsService();
    const outside = { queryRunner: undefined } as unknown as EntityManager;
    const idle = { queryRunner: { isTransactionActive: false } } as unknown as EntityManager;
    for (const manager of [outside, idle])
      expect(() =>
        events.record(manager, 'chat.member.left', { roomId: 'r', userId: 'u', actorId: null }),
      ).toThrow(/outside a transaction/);
  });
});
