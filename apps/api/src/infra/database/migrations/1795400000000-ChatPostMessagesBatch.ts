import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat sends in batches: one call (so one transaction) for every send the API gathered in one
 * turn, set-based: the rooms are locked in id order (two batches never wait on each other in a
 * cycle), then one statement checks, numbers, inserts and advances every room. A room's sends
 * keep the order they were given in, so seq order is arrival order; a batch shares one
 * created_at, taken after the locks, so time never runs backwards within a room.
 * Expected refusals are answered per send instead of raised, so one refused send does not undo
 * the others: 'room' (room gone or archived, or the sender is no longer an active member: checked
 * after the room lock, which removals also take) and 'duplicate' (this sender already used this
 * clientMessageId; the API answers with the original). Anything raised (a concurrent duplicate in
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
      LANGUAGE plpgsql VOLATILE
      -- Planning the statement below costs more than running it for a small batch.
      SET plan_cache_mode = force_generic_plan
      AS $fn$
      DECLARE
        v_at timestamptz;
      BEGIN
        -- LockRows sits above the sort, so the rooms are locked in id order.
        PERFORM 1 FROM chat_room WHERE id = ANY (p_rooms) ORDER BY id FOR UPDATE;
        v_at := clock_timestamp();
        -- A new statement, so a new snapshot: it sees every removal committed before the locks.
        RETURN QUERY
          WITH input AS (
            SELECT i.room, i.sender, i.client, i.body, i.image, i.reply, i.n::int AS n
              FROM unnest(p_rooms, p_senders, p_clients, p_texts, p_images, p_replies)
                   WITH ORDINALITY AS i(room, sender, client, body, image, reply, n)
          ), eligible AS (
            SELECT i.* FROM input i
             WHERE EXISTS (SELECT 1 FROM chat_room r WHERE r.id = i.room AND r.archived_at IS NULL)
               AND EXISTS (SELECT 1 FROM chat_member m
                            WHERE m.room_id = i.room AND m.user_id = i.sender AND m.left_at IS NULL)
          ), fresh AS (
            -- The first of a sender's sends with one clientMessageId, if none was written before.
            SELECT DISTINCT ON (e.sender, e.client) e.* FROM eligible e
             WHERE NOT EXISTS (SELECT 1 FROM chat_message x
                                WHERE x.sender_id = e.sender AND x.client_message_id = e.client)
             ORDER BY e.sender, e.client, e.n
          ), numbered AS (
            SELECT f.*, r.last_seq + row_number() OVER (PARTITION BY f.room ORDER BY f.n) AS seq
              FROM fresh f JOIN chat_room r ON r.id = f.room
          ), written AS (
            INSERT INTO chat_message AS m
                   (room_id, seq, sender_id, client_message_id, text, image_id, reply_to_id,
                    created_at)
            SELECT nb.room, nb.seq, nb.sender, nb.client, nb.body, nb.image, nb.reply, v_at
              FROM numbered nb
            RETURNING m.id, m.room_id, m.seq
          ), advanced AS (
            UPDATE chat_room r SET last_seq = x.top, last_message_at = v_at
              FROM (SELECT nb.room, max(nb.seq) AS top FROM numbered nb GROUP BY nb.room) x
             WHERE r.id = x.room
          )
          SELECT i.n,
                 CASE WHEN e.n IS NULL THEN 'room' WHEN nb.n IS NULL THEN 'duplicate' ELSE 'ok' END,
                 w.id, w.seq, CASE WHEN w.id IS NOT NULL THEN v_at END
            FROM input i
            LEFT JOIN eligible e ON e.n = i.n
            LEFT JOIN numbered nb ON nb.n = i.n
            LEFT JOIN written w ON w.room_id = nb.room AND w.seq = nb.seq
           ORDER BY i.n;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION IF EXISTS chat_post_messages(uuid[], uuid[], uuid[], varchar[], uuid[], uuid[])',
    );
  }
}
