import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEmailChange1796473721070 implements MigrationInterface {
  name = 'AddEmailChange1796473721070';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "auth_email_change" ("user_id" uuid NOT NULL, "new_email" character varying(254) NOT NULL, "code_hash" character(64) NOT NULL, "attempts" smallint NOT NULL DEFAULT \'0\', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5bc1787bcb08b0279d24e0ba58c" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "auth_email_change" ADD CONSTRAINT "FK_5bc1787bcb08b0279d24e0ba58c" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "auth_email_change" DROP CONSTRAINT "FK_5bc1787bcb08b0279d24e0ba58c"',
    );
    await queryRunner.query('DROP TABLE "auth_email_change"');
  }
}
