import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersAndSessions1795322652006 implements MigrationInterface {
  name = 'CreateUsersAndSessions1795322652006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" text, "nickname" character varying(20) NOT NULL, "email_verified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user"  ("email") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_app_user_nickname" ON "app_user"  ("nickname") ',
    );
    await queryRunner.query(
      'CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "user_agent" character varying(512), "ip" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(32), CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_auth_session_user_active" ON "auth_session"  ("user_id") WHERE revoked_at IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "auth_refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rotated_at" TIMESTAMP WITH TIME ZONE, "successor_sealed" text, CONSTRAINT "PK_57203170666c2ed599635e17a81" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_auth_refresh_token_session" ON "auth_refresh_token"  ("session_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_auth_refresh_token_hash" ON "auth_refresh_token"  ("token_hash") ',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_refresh_token" ADD CONSTRAINT "FK_c303c8b83f7d838b81297a6586d" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "auth_refresh_token" DROP CONSTRAINT "FK_c303c8b83f7d838b81297a6586d"',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"',
    );
    await queryRunner.query('DROP INDEX "public"."uq_auth_refresh_token_hash"');
    await queryRunner.query('DROP INDEX "public"."ix_auth_refresh_token_session"');
    await queryRunner.query('DROP TABLE "auth_refresh_token"');
    await queryRunner.query('DROP INDEX "public"."ix_auth_session_user_active"');
    await queryRunner.query('DROP TABLE "auth_session"');
    await queryRunner.query('DROP INDEX "public"."uq_app_user_nickname"');
    await queryRunner.query('DROP INDEX "public"."uq_app_user_email"');
    await queryRunner.query('DROP TABLE "app_user"');
  }
}
