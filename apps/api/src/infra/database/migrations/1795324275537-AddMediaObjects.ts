import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMediaObjects1795324275537 implements MigrationInterface {
  name = 'AddMediaObjects1795324275537';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "media_object" ("id" uuid NOT NULL, "owner_id" uuid, "purpose" character varying(16) NOT NULL, "content_type" character varying(64) NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "byte_size" integer NOT NULL, "thumb_byte_size" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3725b4fd7199d43aed6e1bbd5a0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_media_object_owner" ON "media_object"  ("owner_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "media_object" ADD CONSTRAINT "FK_1c452c39b065ca6d71eeb373625" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "media_object" DROP CONSTRAINT "FK_1c452c39b065ca6d71eeb373625"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_media_object_owner"');
    await queryRunner.query('DROP TABLE "media_object"');
  }
}
