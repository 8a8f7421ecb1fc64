import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ReactionDto, ReadStateDto } from '../dto/message.dto';
import { ChatMessageEntity } from '../entities/chat-message.entity';

/** Message history by seq range: seqs are gap-free, so every page is an index range scan. */
@Injectable()
export class ChatMessageRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
