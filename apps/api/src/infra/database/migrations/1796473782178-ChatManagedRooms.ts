import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChatManagedRooms1796473782178 implements MigrationInterface {
  name = 'ChatManagedRooms1796473782178';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "chat_room" ADD "managed_by" character varying(16)');
    await queryRunner.query('ALTER TABLE "chat_room" ADD "managed_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "chat_room" ADD CONSTRAINT "ck_chat_room_managed_by" CHECK (managed_by IN (\'study\'))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "chat_room" DROP CONSTRAINT "ck_chat_room_managed_by"');
    await queryRunner.query('ALTER TABLE "chat_room" DROP COLUMN "managed_id"');
    await queryRunner.query('ALTER TABLE "chat_room" DROP COLUMN "managed_by"');
  }
}
