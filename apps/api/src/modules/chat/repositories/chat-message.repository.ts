import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Batcher } from '../../../infra/database/batcher';
import { hotStatement } from '../../../infra/database/prepared-statement';
import { isUnavailableDatabaseError } from '../../../infra/http/problem';
import { PerfSwitches } from '../../../config/perf-switches';
import type { ReactionDto, ReadStateDto } from '../dto/message.dto';
import { ChatMessageEntity } from '../entities/chat-message.entity';

export interface NewMessage {
  roomId: string;
  senderId: string;
  clientMessageId: string;
  text: string | null;
  imageId: string | null;
  replyToId: string | null;
}

/**
 * What became of one send: written (`ok`), refused because the room is gone or archived or the
 * sender is not an active member (`room`), a clientMessageId this sender already used
 * (`duplicate`), an image another message already holds (`image`), or content Postgres cannot
 * store (`invalid`: a data exception, SQLSTATE class 22, such as U+0000 in the text).
 */
export type PostOutcome =
  | { status: 'ok'; id: string; seq: number; createdAt: Date }
  | { status: 'room' | 'duplicate' | 'image' | 'invalid' };

/** One send's result inside a batch: its outcome, or the error that failed that send alone. */
type BatchResult = PostOutcome | { status: 'failed'; error: unknown };

interface PostRow {
  ord: number;
  status: 'ok' | 'room' | 'duplicate';
  message_id: string | null;
  message_seq: string | null;
  message_at: Date | null;
}

const UNIQUE_VIOLATION = '23505';
/** SQLSTATE class 22 (data exception): the values sent, not the server, are at fault. */
const DATA_EXCEPTION_CLASS = '22';

/** The statement of every chat send: prepared, so Postgres parses it once per connection. */
const POST_MESSAGES = {
  name: 'chat_post_messages',
  text: `SELECT * FROM chat_post_messages($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[],
                                          $5::uuid[], $6::uuid[])`,
};
/** Message history by seq range: seqs are gap-free, so every page is an index range scan. */
@Injectable()
export class ChatMessageRepository {
  private readonly postMessages;

  /** The send statement is prepared unless PERF_PREPARED_STATEMENTS is off. */
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PerfSwitches) perf: PerfSwitches = new PerfSwitches(),
  ) {
    this.postMessages = hotStatement<PostRow>(db, {
      ...POST_MESSAGES,
      prepared: perf.preparedStatements,
    });
  }

  private readonly posts = new Batcher<NewMessage, BatchResult>((batch) => this.postBatch(batch), {
    name: 'chat-post',
    maxInFlight: 2,
    maxBatch: 500,
  });

  findRange(
    roomId: string,
    fromSeq: number,
    toSeq: number,
    manager: EntityManager = this.db.manager,
  ): Promise<ChatMessageEntity[]> {
    if (toSeq < fromSeq) return Promise.resolve([]);
    return this.withRelations(manager)
      .where('message.room_id = :roomId', { roomId })
      .andWhere('message.seq BETWEEN :fromSeq AND :toSeq', { fromSeq, toSeq })
      .orderBy('message.seq', 'ASC')
      .getMany();
  }

  findOneWithRelations(
    where: { id: string } | { senderId: string; clientMessageId: string },
    manager: EntityManager = this.db.manager,
  ): Promise<ChatMessageEntity | null> {
    const qb = this.withRelations(manager);
    if ('id' in where) qb.where('message.id = :id', { id: where.id });
    else
      qb.where('message.sender_id = :senderId AND message.client_message_id = :clientMessageId', {
        senderId: where.senderId,
        clientMessageId: where.clientMessageId,
      });
    return qb.getOne();
  }

  /**
   * Writes a message with the room's next seq and commits it before answering. Concurrent sends
   * share one statement (chat_post_messages, migration 1795400000000): the API gathers them per
   * turn of the event loop, so under load round trips and Postgres wake-ups do not grow with
   * the message rate.
   */
  async post(message: NewMessage): Promise<PostOutcome> {
    const result = await this.posts.submit(message);
    if (result.status === 'failed') throw result.error;
    return result;
  }

  /**
   * Answers every send of the batch on its own: a send that fails (bad content, a lost
   * connection on its retry) fails only its sender, never the others sharing its batch.
   */
  private async postBatch(batch: NewMessage[]): Promise<BatchResult[]> {
    // A send alone is a batch of one, answered like each send of a refused batch.
    if (batch.length === 1) return [await this.postAlone(batch[0])];
    let rows: PostRow[];
    try {
      rows = await this.run(batch);
    } catch (err) {
      // The statement rolled back as a whole (a concurrent duplicate in another room, an image
      // sent twice, content Postgres refuses): each send alone, a batch of one, so only the one
      // at fault is refused and every other one is written and answered.
      // A database that is down or too slow answers the whole batch (503): retrying each send
      // would only add load. The retries go one after another, in arrival order, so they hold
      // one connection and a room's seqs keep the order its sends arrived in.
      if (!(err instanceof QueryFailedError) || isUnavailableDatabaseError(err)) throw err;
      const results: BatchResult[] = [];
      for (const m of batch) results.push(await this.postAlone(m));
      return results;
    }
    return toOutcomes(batch, rows);
  }

  private run(batch: NewMessage[]): Promise<PostRow[]> {
    return this.postMessages.run([
      batch.map((m) => m.roomId),
      batch.map((m) => m.senderId),
      batch.map((m) => m.clientMessageId),
      batch.map((m) => m.text),
      batch.map((m) => m.imageId),
      batch.map((m) => m.replyToId),
    ]);
  }

  private postAlone(m: NewMessage): Promise<BatchResult> {
    return this.postOne(m).catch((error: unknown) => ({ status: 'failed', error }) as const);
  }

  /** One send as a batch of one, with what Postgres raised for it answered as its outcome. */
  private async postOne(m: NewMessage): Promise<PostOutcome> {
    try {
      return toOutcomes([m], await this.run([m]))[0];
    } catch (err) {
      const driver = (err instanceof QueryFailedError ? err.driverError : {}) as {
        code?: string;
        constraint?: string;
      };
      if (driver.code === UNIQUE_VIOLATION && driver.constraint === 'uq_chat_message_image')
        return { status: 'image' };
      // A concurrent send with the same key won; this statement (and its seq) rolled back.
      if (
        driver.code === UNIQUE_VIOLATION &&
        driver.constraint === 'uq_chat_message_sender_client_id'
      )
        return { status: 'duplicate' };
      if (driver.code?.startsWith(DATA_EXCEPTION_CLASS)) return { status: 'invalid' };
      throw err;
    }
  }

  /** The seq of the first message sent at or after `date`, if any. */
  async firstSeqFrom(roomId: string, date: Date): Promise<number | null> {
    const rows: { seq: string }[] = await this.db.query(
      `SELECT seq FROM chat_message WHERE room_id = $1 AND created_at >= $2
        ORDER BY created_at, seq LIMIT 1`,
      [roomId, date],
    );
    return rows.length ? Number(rows[0].seq) : null;
  }

  /** Reactions per message, each emoji with its users in reaction order. */
  async reactionsFor(messageIds: string[]): Promise<Map<string, ReactionDto[]>> {
    const byMessage = new Map<string, ReactionDto[]>();
    if (!messageIds.length) return byMessage;
    const rows: { message_id: string; emoji: string; user_ids: string[] }[] = await this.db.query(
      `SELECT message_id, emoji, array_agg(user_id ORDER BY created_at, user_id) AS user_ids
         FROM chat_reaction WHERE message_id = ANY($1::uuid[])
        GROUP BY message_id, emoji ORDER BY message_id, min(created_at), emoji`,
      [messageIds],
    );
    for (const r of rows) {
      const list = byMessage.get(r.message_id) ?? [];
      list.push({ emoji: r.emoji, userIds: r.user_ids });
      byMessage.set(r.message_id, list);
    }
    return byMessage;
  }

  async readsOf(roomId: string): Promise<ReadStateDto[]> {
    const rows: { user_id: string; last_read_seq: string }[] = await this.db.query(
      `SELECT user_id, last_read_seq FROM chat_member
        WHERE room_id = $1 AND left_at IS NULL ORDER BY joined_at, user_id`,
      [roomId],
    );
    return rows.map((r) => ({ roomId, userId: r.user_id, lastReadSeq: Number(r.last_read_seq) }));
  }

  /**
   * History reads its authors and images in the same query (app_user and media_object, the user
   * and media modules' tables) rather than asking ChatUsers and ChatMedia per page; the rows are
   * shown through those ports (see toMessage).
   */
  private withRelations(manager: EntityManager) {
    return (
      manager
        .getRepository(ChatMessageEntity)
        .createQueryBuilder('message')
        // Authors who deleted their account keep their place in history.
        .withDeleted()
        .innerJoinAndSelect('message.sender', 'sender')
        .leftJoinAndSelect('message.replyTo', 'replyTo')
        .leftJoinAndSelect('replyTo.sender', 'replySender')
        .leftJoinAndSelect('message.image', 'image')
    );
  }
}

/** One outcome per send, in the batch's order; a send without a row was not written. */
function toOutcomes(batch: NewMessage[], rows: PostRow[]): PostOutcome[] {
  const outcomes: PostOutcome[] = batch.map(() => ({ status: 'room' }));
  for (const r of rows) outcomes[r.ord - 1] = toOutcome(r);
  return outcomes;
}

function toOutcome(r: PostRow): PostOutcome {
  if (r.status !== 'ok') return { status: r.status };
  return { status: 'ok', id: r.message_id!, seq: Number(r.message_seq), createdAt: r.message_at! };
}
