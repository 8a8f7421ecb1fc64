import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateChat1795324102614 implements MigrationInterface {
  name = 'CreateChat1795324102614';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "chat_room" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(10) NOT NULL, "name" character varying(80), "owner_id" uuid, "direct_key" character varying(73), "last_seq" bigint NOT NULL DEFAULT \'0\', "last_message_at" TIMESTAMP WITH TIME ZONE, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_chat_room_kind" CHECK (kind IN (\'direct\', \'group\')), CONSTRAINT "PK_8aa3a52cf74c96469f0ef9fbe3e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_chat_room_direct_key" ON "chat_room"  ("direct_key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "chat_member" ("room_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(10) NOT NULL DEFAULT \'member\', "last_read_seq" bigint NOT NULL DEFAULT \'0\', "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "left_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_chat_member_role" CHECK (role IN (\'member\', \'owner\')), CONSTRAINT "PK_34429a3b7076185e966b15d4bb2" PRIMARY KEY ("room_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_chat_member_user_active" ON "chat_member"  ("user_id") WHERE left_at IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "chat_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "room_id" uuid NOT NULL, "seq" bigint NOT NULL, "sender_id" uuid NOT NULL, "client_message_id" uuid NOT NULL, "text" character varying(4000), "reply_to_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_chat_message_sender_client_id" UNIQUE ("sender_id", "client_message_id"), CONSTRAINT "uq_chat_message_room_seq" UNIQUE ("room_id", "seq"), CONSTRAINT "PK_3cc0d85193aade457d3077dd06b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_chat_message_room_created" ON "chat_message"  ("room_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "chat_reaction" ("message_id" uuid NOT NULL, "user_id" uuid NOT NULL, "emoji" character varying(32) NOT NULL, "room_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_81604a278ef6b8fbc67cbb940df" PRIMARY KEY ("message_id", "user_id", "emoji"))',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_room" ADD CONSTRAINT "FK_be64e1d1892842328370e8148d8" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_member" ADD CONSTRAINT "FK_e31a52b2bf0f1950a41f097f55b" FOREIGN KEY ("room_id") REFERENCES "chat_room"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_member" ADD CONSTRAINT "FK_aef9e306e4d06004b15d49b5c0b" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_message" ADD CONSTRAINT "FK_a6d9cc3fdadd1b71f36ad2a4487" FOREIGN KEY ("room_id") REFERENCES "chat_room"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_message" ADD CONSTRAINT "FK_bd00cce706735f1c4d05c69a310" FOREIGN KEY ("sender_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_message" ADD CONSTRAINT "FK_be3c91aaebb1e0627ac1077ef73" FOREIGN KEY ("reply_to_id") REFERENCES "chat_message"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_reaction" ADD CONSTRAINT "FK_74779465d15bee4963d5de4059e" FOREIGN KEY ("message_id") REFERENCES "chat_message"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_reaction" ADD CONSTRAINT "FK_023f9363f811442f4039cd48131" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "chat_reaction" DROP CONSTRAINT "FK_023f9363f811442f4039cd48131"',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_reaction" DROP CONSTRAINT "FK_74779465d15bee4963d5de4059e"',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_message" DROP CONSTRAINT "FK_be3c91aaebb1e0627ac1077ef73"',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_message" DROP CONSTRAINT "FK_bd00cce706735f1c4d05c69a310"',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_message" DROP CONSTRAINT "FK_a6d9cc3fdadd1b71f36ad2a4487"',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_member" DROP CONSTRAINT "FK_aef9e306e4d06004b15d49b5c0b"',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_member" DROP CONSTRAINT "FK_e31a52b2bf0f1950a41f097f55b"',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_room" DROP CONSTRAINT "FK_be64e1d1892842328370e8148d8"',
    );
    await queryRunner.query('DROP TABLE "chat_reaction"');
    await queryRunner.query('DROP INDEX "public"."ix_chat_message_room_created"');
    await queryRunner.query('DROP TABLE "chat_message"');
    await queryRunner.query('DROP INDEX "public"."ix_chat_member_user_active"');
    await queryRunner.query('DROP TABLE "chat_member"');
    await queryRunner.query('DROP INDEX "public"."uq_chat_room_direct_key"');
    await queryRunner.query('DROP TABLE "chat_room"');
  }
}
