import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddChatMessageImage1795335476681 implements MigrationInterface {
  name = 'AddChatMessageImage1795335476681';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "chat_message" ADD "image_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "chat_message" ADD CONSTRAINT "uq_chat_message_image" UNIQUE ("image_id")',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_message" ADD CONSTRAINT "FK_1e157c3e0ebd6d3715bfb42d9e0" FOREIGN KEY ("image_id") REFERENCES "media_object"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "chat_message" DROP CONSTRAINT "FK_1e157c3e0ebd6d3715bfb42d9e0"',
    );
    await queryRunner.query('ALTER TABLE "chat_message" DROP CONSTRAINT "uq_chat_message_image"');
    await queryRunner.query('ALTER TABLE "chat_message" DROP COLUMN "image_id"');
  }
}
