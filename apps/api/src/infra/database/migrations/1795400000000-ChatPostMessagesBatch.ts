import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat sends in batches: one statement (so one transaction) for every send the API gathered in
 * one turn. Rooms are locked in id order, so two batches never wait on each other in a cycle;
 * a room's sends keep the order they were given in, so seq order is arrival order.
 * Expected refusals are answered per send instead of raised, so one refused send does not undo
 * the others: 'room' (room gone or archived, or the sender is no longer an active member: checked
 * after the room lock, which removals also take) and 'duplicate' (this sender already used this
 * clientMessageId; the original's id is returned). Anything raised (a concurrent duplicate in
 * another room, an image sent twice) rolls the whole batch back; the API then sends its items
 * one by one with chat_post_message.
 */
export class ChatPostMessagesBatch1795400000000 implements MigrationInterface {
  name = 'ChatPostMessagesBatch1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION chat_post_messages(
        p_rooms uuid[], p_senders uuid[], p_clients uuid[], p_texts varchar[], p_images uuid[],
        p_replies uuid[])
      RETURNS TABLE (ord int, status text, message_id uuid, message_seq bigint,
                     message_at timestamptz)
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v record;
        v_seq bigint;
        v_at timestamptz;
      BEGIN
        FOR v IN
          SELECT i.room, i.sender, i.client, i.body, i.image, i.reply, i.n::int AS n
            FROM unnest(p_rooms, p_senders, p_clients, p_texts, p_images, p_replies)
                 WITH ORDINALITY AS i(room, sender, client, body, image, reply, n)
           ORDER BY i.room, i.n
        LOOP
          ord := v.n;
          message_id := NULL; message_seq := NULL; message_at := NULL;
          PERFORM 1 FROM chat_room WHERE id = v.room AND archived_at IS NULL FOR UPDATE;
          IF NOT FOUND OR NOT EXISTS (
               SELECT 1 FROM chat_member
                WHERE room_id = v.room AND user_id = v.sender AND left_at IS NULL) THEN
            status := 'room';
            RETURN NEXT;
            CONTINUE;
          END IF;
          SELECT x.id INTO message_id FROM chat_message x
           WHERE x.sender_id = v.sender AND x.client_message_id = v.client;
          IF FOUND THEN
            status := 'duplicate';
            RETURN NEXT;
            CONTINUE;
          END IF;
          UPDATE chat_room SET last_seq = last_seq + 1, last_message_at = clock_timestamp()
           WHERE id = v.room
           RETURNING last_seq, last_message_at INTO v_seq, v_at;
          INSERT INTO chat_message AS m
                 (room_id, seq, sender_id, client_message_id, text, image_id, reply_to_id, created_at)
          VALUES (v.room, v_seq, v.sender, v.client, v.body, v.image, v.reply, v_at)
          RETURNING m.id, m.seq, m.created_at INTO message_id, message_seq, message_at;
          status := 'ok';
          RETURN NEXT;
        END LOOP;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION IF EXISTS chat_post_messages(uuid[], uuid[], uuid[], varchar[], uuid[], uuid[])',
    );
  }
}
