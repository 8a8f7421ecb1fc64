import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Following feed written ahead (`post_inbox`): one row per live post of each user someone
 * follows, filled in here for the follows and posts that exist.
 */
export class PostInbox1796482726624 implements MigrationInterface {
  name = 'PostInbox1796482726624';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "post_inbox" ("user_id" uuid NOT NULL, "post_id" uuid NOT NULL, "author_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d870acc806e4bdaef5fff3177fc" PRIMARY KEY ("user_id", "post_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_post_inbox_feed" ON "post_inbox"  ("user_id", "created_at", "post_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "post_inbox" ADD CONSTRAINT "FK_fe1afba9c8201055ee413a3bfbf" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_inbox" ADD CONSTRAINT "FK_81a5186506c0de27ea17d054eb7" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Idempotent: run it again after a rolling upgrade to add posts that instances still on the
    // previous version wrote in between (they did not fan out).
    await queryRunner.query(
      `INSERT INTO post_inbox (user_id, post_id, author_id, created_at)
       SELECT f.follower_id, p.id, p.author_id, p.created_at
         FROM user_follow f JOIN post p ON p.author_id = f.followee_id
        WHERE p.deleted_at IS NULL
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "post_inbox" DROP CONSTRAINT "FK_81a5186506c0de27ea17d054eb7"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_inbox" DROP CONSTRAINT "FK_fe1afba9c8201055ee413a3bfbf"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_post_inbox_feed"');
    await queryRunner.query('DROP TABLE "post_inbox"');
  }
}
