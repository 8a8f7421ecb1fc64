import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSchedulerAndAccountFollowups1796471541603 implements MigrationInterface {
  name = 'AddSchedulerAndAccountFollowups1796471541603';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The scheduler's run record (infra, no entity): which period each job last claimed.
    await queryRunner.query(
      'CREATE TABLE "scheduler_job" ("name" character varying(100) NOT NULL, "last_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_scheduler_job" PRIMARY KEY ("name"))',
    );
    await queryRunner.query(
      'CREATE TABLE "account_followup" ("user_id" uuid NOT NULL, "module" character varying(32) NOT NULL, "content_policy" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "done_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, CONSTRAINT "PK_26bfa622a85188a9f50f30cf870" PRIMARY KEY ("user_id", "module"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_account_followup_pending" ON "account_followup"  ("last_attempt_at") WHERE "done_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_app_user_avatar_key" ON "app_user"  ("avatar_key") WHERE "avatar_key" IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_app_user_avatar_key"');
    await queryRunner.query('DROP INDEX "public"."ix_account_followup_pending"');
    await queryRunner.query('DROP TABLE "account_followup"');
    await queryRunner.query('DROP TABLE "scheduler_job"');
  }
}
