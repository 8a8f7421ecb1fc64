import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAuthIdentity1795324191299 implements MigrationInterface {
  name = 'AddAuthIdentity1795324191299';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "auth_identity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider" character varying(16) NOT NULL, "provider_user_id" character varying(255) NOT NULL, "user_id" uuid NOT NULL, "email" character varying(254), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3eeca3f18e671626194e553eb89" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_auth_identity_user" ON "auth_identity"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_auth_identity_provider_user" ON "auth_identity"  ("provider", "provider_user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_identity" ADD CONSTRAINT "FK_4f02c3f95fd60470b55ee10e2a3" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "auth_identity" DROP CONSTRAINT "FK_4f02c3f95fd60470b55ee10e2a3"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_auth_identity_provider_user"');
    await queryRunner.query('DROP INDEX "public"."ix_auth_identity_user"');
    await queryRunner.query('DROP TABLE "auth_identity"');
  }
}
