import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One round trip per chat send. The room row lock that makes seqs gap-free is held only while
 * this function runs, not across client round trips: under load, a transaction that waits for a
 * busy event loop between statements kept every other sender of the room waiting.
 * In READ COMMITTED each statement of a volatile function takes a fresh snapshot, so the
 * membership check after the lock sees any removal committed before it (removals take the same
 * lock). Not a member: SQLSTATE P0002 rolls the seq back with everything else.
 */
export class ChatPostMessageFunction1795336500000 implements MigrationInterface {
  name = 'ChatPostMessageFunction1795336500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION chat_post_message(
        p_room uuid, p_sender uuid, p_client uuid, p_text varchar, p_image uuid, p_reply uuid)
      RETURNS TABLE (message_id uuid, message_seq bigint, message_at timestamptz)
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_seq bigint;
        v_at timestamptz;
      BEGIN
        UPDATE chat_room SET last_seq = last_seq + 1, last_message_at = clock_timestamp()
         WHERE id = p_room AND archived_at IS NULL
         RETURNING last_seq, last_message_at INTO v_seq, v_at;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM chat_member
                        WHERE room_id = p_room AND user_id = p_sender AND left_at IS NULL) THEN
          RAISE EXCEPTION 'not a member of the room' USING ERRCODE = 'P0002';
        END IF;
        RETURN QUERY
          INSERT INTO chat_message AS m
                 (room_id, seq, sender_id, client_message_id, text, image_id, reply_to_id, created_at)
          VALUES (p_room, v_seq, p_sender, p_client, p_text, p_image, p_reply, v_at)
          RETURNING m.id, m.seq, m.created_at;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION IF EXISTS chat_post_message(uuid, uuid, uuid, varchar, uuid, uuid)',
    );
  }
}
