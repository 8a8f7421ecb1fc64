import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSocialGraphAndPresence1795323927289 implements MigrationInterface {
  name = 'AddSocialGraphAndPresence1795323927289';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "user_block" ("blocker_id" uuid NOT NULL, "blocked_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_352a3b5c9a9508c57d63334c087" PRIMARY KEY ("blocker_id", "blocked_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_user_block_blocked" ON "user_block"  ("blocked_id", "blocker_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_user_block_blocker_created" ON "user_block"  ("blocker_id", "created_at", "blocked_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "user_mute" ("muter_id" uuid NOT NULL, "muted_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_869227223ed5f572d36474a0455" PRIMARY KEY ("muter_id", "muted_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_user_mute_muter_created" ON "user_mute"  ("muter_id", "created_at", "muted_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "user_follow" ("follower_id" uuid NOT NULL, "followee_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_69cb8d60c33fc963b0fbb1fa7b5" PRIMARY KEY ("follower_id", "followee_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_user_follow_follower_created" ON "user_follow"  ("follower_id", "created_at", "followee_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_user_follow_followee_created" ON "user_follow"  ("followee_id", "created_at", "follower_id") ',
    );
    await queryRunner.query('ALTER TABLE "app_user" ADD "last_active_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "user_block" ADD CONSTRAINT "FK_855f9a409b693d6e7cadfae8eba" FOREIGN KEY ("blocker_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_block" ADD CONSTRAINT "FK_ed1ed3923f3dc0bbeecf44585a4" FOREIGN KEY ("blocked_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_mute" ADD CONSTRAINT "FK_2348f600ec7b7e8e1f4d1a6d06f" FOREIGN KEY ("muter_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_mute" ADD CONSTRAINT "FK_5cbba3e41b10bf0618fd43cfae9" FOREIGN KEY ("muted_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_follow" ADD CONSTRAINT "FK_afe3fdfb98cd47cd28108fa4846" FOREIGN KEY ("follower_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "user_follow" ADD CONSTRAINT "FK_30bd098ba59638f5a01082fe1a7" FOREIGN KEY ("followee_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "user_follow" DROP CONSTRAINT "FK_30bd098ba59638f5a01082fe1a7"',
    );
    await queryRunner.query(
      'ALTER TABLE "user_follow" DROP CONSTRAINT "FK_afe3fdfb98cd47cd28108fa4846"',
    );
    await queryRunner.query(
      'ALTER TABLE "user_mute" DROP CONSTRAINT "FK_5cbba3e41b10bf0618fd43cfae9"',
    );
    await queryRunner.query(
      'ALTER TABLE "user_mute" DROP CONSTRAINT "FK_2348f600ec7b7e8e1f4d1a6d06f"',
    );
    await queryRunner.query(
      'ALTER TABLE "user_block" DROP CONSTRAINT "FK_ed1ed3923f3dc0bbeecf44585a4"',
    );
    await queryRunner.query(
      'ALTER TABLE "user_block" DROP CONSTRAINT "FK_855f9a409b693d6e7cadfae8eba"',
    );
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "last_active_at"');
    await queryRunner.query('DROP INDEX "public"."ix_user_follow_followee_created"');
    await queryRunner.query('DROP INDEX "public"."ix_user_follow_follower_created"');
    await queryRunner.query('DROP TABLE "user_follow"');
    await queryRunner.query('DROP INDEX "public"."ix_user_mute_muter_created"');
    await queryRunner.query('DROP TABLE "user_mute"');
    await queryRunner.query('DROP INDEX "public"."ix_user_block_blocker_created"');
    await queryRunner.query('DROP INDEX "public"."ix_user_block_blocked"');
    await queryRunner.query('DROP TABLE "user_block"');
  }
}
