import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEmailVerificationPasswordResetAndDeletionPolicy1795324159657 implements MigrationInterface {
  name = 'AddEmailVerificationPasswordResetAndDeletionPolicy1795324159657';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "auth_password_reset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f3e0bc21dd7968eae35f51d19c9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_auth_password_reset_user" ON "auth_password_reset"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_auth_password_reset_token" ON "auth_password_reset"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE TABLE "auth_email_verification" ("user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "token_hash" character(64) NOT NULL, "attempts" smallint NOT NULL DEFAULT \'0\', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_33c380389bd30dfa4cd78651541" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_auth_email_verification_token" ON "auth_email_verification"  ("token_hash") ',
    );
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD "deletion_content_policy" character varying(16)',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_password_reset" ADD CONSTRAINT "FK_6598a9c80e4d18a201938870a07" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_email_verification" ADD CONSTRAINT "FK_33c380389bd30dfa4cd78651541" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "auth_email_verification" DROP CONSTRAINT "FK_33c380389bd30dfa4cd78651541"',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_password_reset" DROP CONSTRAINT "FK_6598a9c80e4d18a201938870a07"',
    );
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "deletion_content_policy"');
    await queryRunner.query('DROP INDEX "public"."uq_auth_email_verification_token"');
    await queryRunner.query('DROP TABLE "auth_email_verification"');
    await queryRunner.query('DROP INDEX "public"."uq_auth_password_reset_token"');
    await queryRunner.query('DROP INDEX "public"."ix_auth_password_reset_user"');
    await queryRunner.query('DROP TABLE "auth_password_reset"');
  }
}
