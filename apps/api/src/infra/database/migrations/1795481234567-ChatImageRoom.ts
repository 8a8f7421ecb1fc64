import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A chat image belongs to the room it was uploaded to: a message in another room cannot carry
 * it. The row goes with the image (sweeps of unsent uploads, account deletion) or the room.
 */
export class ChatImageRoom1795481234567 implements MigrationInterface {
  name = 'ChatImageRoom1795481234567';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "chat_image_room" (
        "image_id" uuid PRIMARY KEY REFERENCES "media_object"("id") ON DELETE CASCADE,
        "room_id" uuid NOT NULL REFERENCES "chat_room"("id") ON DELETE CASCADE
      )`);
    // Images already in a message belong to that message's room.
    await queryRunner.query(`
      INSERT INTO "chat_image_room" ("image_id", "room_id")
      SELECT "image_id", "room_id" FROM "chat_message" WHERE "image_id" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "chat_image_room"');
  }
}
