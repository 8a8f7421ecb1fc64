import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChatReadState } from '@orgo/contracts';
import { DataSource, IsNull } from 'typeorm';
import { ChatErrors } from './chat.errors';
import { nextReadSeq } from './chat.policy';
import { ChatMemberEntity } from './entities/chat-member.entity';
import { ChatRoomEntity } from './entities/chat-room.entity';

/**
 * Read positions. Unread counts are never stored: the room list computes them from the read
 * position (see ChatRoomRepository.findForMember); the member subscriber relays `room.read`.
 */
@Injectable()
export class ChatReadService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Moves my read position forward (clamped, monotonic across tabs). */
  async markRead(me: string, roomId: string, seq: number): Promise<ChatReadState> {
    return this.db.transaction(async (tx) => {
      const member = await tx.findOne(ChatMemberEntity, {
        where: { roomId, userId: me, leftAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) throw ChatErrors.roomNotFound();
      const room = await tx.findOneOrFail(ChatRoomEntity, {
        select: { id: true, lastSeq: true },
        where: { id: roomId },
      });
      const next = nextReadSeq(member.lastReadSeq, seq, room.lastSeq);
      if (next !== null) {
        member.lastReadSeq = next;
        await tx.save(member);
      }
      return { roomId, userId: me, lastReadSeq: member.lastReadSeq };
    });
  }
}
