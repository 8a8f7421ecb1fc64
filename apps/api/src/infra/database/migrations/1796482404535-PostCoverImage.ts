import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A post keeps its number of images and its first image (media id, width, height) on its own row,
 * so feed pages read no `post_image` or `media_object` row per card. Existing posts are filled in.
 */
export class PostCoverImage1796482404535 implements MigrationInterface {
  name = 'PostCoverImage1796482404535';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "post" ADD "image_count" smallint NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "post" ADD "cover_media_id" uuid');
    await queryRunner.query('ALTER TABLE "post" ADD "cover_width" integer');
    await queryRunner.query('ALTER TABLE "post" ADD "cover_height" integer');
    await queryRunner.query(
      `UPDATE post p
          SET image_count = c.n, cover_media_id = c.media_id,
              cover_width = c.width, cover_height = c.height
         FROM (SELECT DISTINCT ON (i.post_id) i.post_id, i.media_id, mo.width, mo.height,
                      count(*) OVER (PARTITION BY i.post_id) AS n
                 FROM post_image i JOIN media_object mo ON mo.id = i.media_id
                ORDER BY i.post_id, i.position) c
        WHERE p.id = c.post_id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "post" DROP COLUMN "cover_height"');
    await queryRunner.query('ALTER TABLE "post" DROP COLUMN "cover_width"');
    await queryRunner.query('ALTER TABLE "post" DROP COLUMN "cover_media_id"');
    await queryRunner.query('ALTER TABLE "post" DROP COLUMN "image_count"');
  }
}
