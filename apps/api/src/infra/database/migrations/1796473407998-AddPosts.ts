import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPosts1796473407998 implements MigrationInterface {
  name = 'AddPosts1796473407998';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "post" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "author_id" uuid NOT NULL, "title" character varying(100) NOT NULL, "content" character varying(20000) NOT NULL, "like_count" integer NOT NULL DEFAULT \'0\', "comment_count" integer NOT NULL DEFAULT \'0\', "view_count" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_post_counts" CHECK ("like_count" >= 0 AND "comment_count" >= 0 AND "view_count" >= 0), CONSTRAINT "PK_be5fda3aac270b134ff9c21cdee" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_post_author_created" ON "post"  ("author_id", "created_at", "id") WHERE "deleted_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_post_feed" ON "post"  ("created_at", "id") WHERE "deleted_at" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "post_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "author_id" uuid NOT NULL, "parent_id" uuid, "content" character varying(2000) NOT NULL, "reply_count" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5a0d63e41c3c55e11319613550c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_post_comment_author" ON "post_comment"  ("author_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_post_comment_replies" ON "post_comment"  ("parent_id", "created_at", "id") WHERE "parent_id" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_post_comment_top" ON "post_comment"  ("post_id", "created_at", "id") WHERE "parent_id" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "post_image" ("media_id" uuid NOT NULL, "post_id" uuid NOT NULL, "position" smallint NOT NULL, CONSTRAINT "PK_a58425844caca42c7d098f98298" PRIMARY KEY ("media_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_post_image_post_position" ON "post_image"  ("post_id", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "post_like" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_155b6bea641466e2d27ade96a4b" PRIMARY KEY ("post_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "post_bookmark" ("user_id" uuid NOT NULL, "post_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_c09384fc668b98615e58a5ef709" PRIMARY KEY ("user_id", "post_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_post_bookmark_user_created" ON "post_bookmark"  ("user_id", "created_at", "post_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "post_view" ("post_id" uuid NOT NULL, "user_id" uuid NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_ad3599540fd4b17b983fd0270d0" PRIMARY KEY ("post_id", "user_id", "day"))',
    );
    await queryRunner.query(
      'ALTER TABLE "post" ADD CONSTRAINT "FK_2f1a9ca8908fc8168bc18437f62" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_comment" ADD CONSTRAINT "FK_36bc7eb15ed86f27d6898f21298" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_comment" ADD CONSTRAINT "FK_3d8d4bad8fd4f99bb86cd83026b" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_comment" ADD CONSTRAINT "FK_d932b9ee196bfaa52e46e7db397" FOREIGN KEY ("parent_id") REFERENCES "post_comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_image" ADD CONSTRAINT "FK_a58425844caca42c7d098f98298" FOREIGN KEY ("media_id") REFERENCES "media_object"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_image" ADD CONSTRAINT "FK_c75a6b8c090482abc8597fd7dfc" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_like" ADD CONSTRAINT "FK_a7ec6ac3dc7a05a9648c418f1ad" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_like" ADD CONSTRAINT "FK_c635b15915984c8cdb520a1fef3" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_bookmark" ADD CONSTRAINT "FK_a2681879c95487a275c3b9f3d31" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_bookmark" ADD CONSTRAINT "FK_88e074b2b61607ddd41baea64ae" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_view" ADD CONSTRAINT "FK_72c52f1354467735fb51efef486" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "post_view" ADD CONSTRAINT "FK_74891cf0e56d9f942c8d55babd0" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "post_view" DROP CONSTRAINT "FK_74891cf0e56d9f942c8d55babd0"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_view" DROP CONSTRAINT "FK_72c52f1354467735fb51efef486"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_bookmark" DROP CONSTRAINT "FK_88e074b2b61607ddd41baea64ae"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_bookmark" DROP CONSTRAINT "FK_a2681879c95487a275c3b9f3d31"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_like" DROP CONSTRAINT "FK_c635b15915984c8cdb520a1fef3"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_like" DROP CONSTRAINT "FK_a7ec6ac3dc7a05a9648c418f1ad"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_image" DROP CONSTRAINT "FK_c75a6b8c090482abc8597fd7dfc"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_image" DROP CONSTRAINT "FK_a58425844caca42c7d098f98298"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_comment" DROP CONSTRAINT "FK_d932b9ee196bfaa52e46e7db397"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_comment" DROP CONSTRAINT "FK_3d8d4bad8fd4f99bb86cd83026b"',
    );
    await queryRunner.query(
      'ALTER TABLE "post_comment" DROP CONSTRAINT "FK_36bc7eb15ed86f27d6898f21298"',
    );
    await queryRunner.query('ALTER TABLE "post" DROP CONSTRAINT "FK_2f1a9ca8908fc8168bc18437f62"');
    await queryRunner.query('DROP TABLE "post_view"');
    await queryRunner.query('DROP INDEX "public"."ix_post_bookmark_user_created"');
    await queryRunner.query('DROP TABLE "post_bookmark"');
    await queryRunner.query('DROP TABLE "post_like"');
    await queryRunner.query('DROP INDEX "public"."ix_post_image_post_position"');
    await queryRunner.query('DROP TABLE "post_image"');
    await queryRunner.query('DROP INDEX "public"."ix_post_comment_top"');
    await queryRunner.query('DROP INDEX "public"."ix_post_comment_replies"');
    await queryRunner.query('DROP INDEX "public"."ix_post_comment_author"');
    await queryRunner.query('DROP TABLE "post_comment"');
    await queryRunner.query('DROP INDEX "public"."ix_post_feed"');
    await queryRunner.query('DROP INDEX "public"."ix_post_author_created"');
    await queryRunner.query('DROP TABLE "post"');
  }
}
