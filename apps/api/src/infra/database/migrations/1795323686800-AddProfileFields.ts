import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProfileFields1795323686800 implements MigrationInterface {
  name = 'AddProfileFields1795323686800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "app_user" ADD "about" character varying(500) NOT NULL DEFAULT \'\'',
    );
    await queryRunner.query('ALTER TABLE "app_user" ADD "links" jsonb NOT NULL DEFAULT \'[]\'');
    await queryRunner.query('ALTER TABLE "app_user" ADD "avatar_key" character varying(200)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "avatar_key"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "links"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "about"');
  }
}
