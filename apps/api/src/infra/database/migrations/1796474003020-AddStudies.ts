import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStudies1796474003020 implements MigrationInterface {
  name = 'AddStudies1796474003020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "study" ("id" uuid NOT NULL, "title" character varying(80) NOT NULL, "description" text NOT NULL DEFAULT \'\', "start_date" date NOT NULL, "end_date" date NOT NULL, "mode" character varying(8) NOT NULL, "location" character varying(200), "max_members" integer NOT NULL, "member_count" integer NOT NULL DEFAULT \'0\', "leader_id" uuid NOT NULL, "room_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_study_capacity" CHECK (max_members BETWEEN 2 AND 100 AND member_count BETWEEN 0 AND max_members), CONSTRAINT "ck_study_dates" CHECK (end_date >= start_date), CONSTRAINT "ck_study_mode" CHECK (mode IN (\'online\', \'offline\')), CONSTRAINT "PK_ae14dbea0172b8521edb2ce4597" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_study_leader" ON "study"  ("leader_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_study_list" ON "study"  ("created_at", "id") WHERE deleted_at IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "study_tag" ("study_id" uuid NOT NULL, "tag" character varying(30) NOT NULL, CONSTRAINT "PK_003f71bbc869788644e7d3de271" PRIMARY KEY ("study_id", "tag"))',
    );
    await queryRunner.query('CREATE INDEX "ix_study_tag_tag" ON "study_tag"  ("tag") ');
    await queryRunner.query(
      'CREATE TABLE "study_member" ("study_id" uuid NOT NULL, "user_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c6db613b2ac8c8efb90f9ef1db5" PRIMARY KEY ("study_id", "user_id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_study_member_user" ON "study_member"  ("user_id") ');
    await queryRunner.query(
      'ALTER TABLE "study" ADD CONSTRAINT "FK_5527e267eaec78c5b0a405ab84c" FOREIGN KEY ("leader_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "study_tag" ADD CONSTRAINT "FK_062d8d52ef8a51c8e8c11b8060a" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "study_member" ADD CONSTRAINT "FK_f3930396d88ce0ec87954f2b217" FOREIGN KEY ("study_id") REFERENCES "study"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "study_member" ADD CONSTRAINT "FK_22202d0756b6853a852794cba1d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "study_member" DROP CONSTRAINT "FK_22202d0756b6853a852794cba1d"',
    );
    await queryRunner.query(
      'ALTER TABLE "study_member" DROP CONSTRAINT "FK_f3930396d88ce0ec87954f2b217"',
    );
    await queryRunner.query(
      'ALTER TABLE "study_tag" DROP CONSTRAINT "FK_062d8d52ef8a51c8e8c11b8060a"',
    );
    await queryRunner.query('ALTER TABLE "study" DROP CONSTRAINT "FK_5527e267eaec78c5b0a405ab84c"');
    await queryRunner.query('DROP INDEX "public"."ix_study_member_user"');
    await queryRunner.query('DROP TABLE "study_member"');
    await queryRunner.query('DROP INDEX "public"."ix_study_tag_tag"');
    await queryRunner.query('DROP TABLE "study_tag"');
    await queryRunner.query('DROP INDEX "public"."ix_study_list"');
    await queryRunner.query('DROP INDEX "public"."ix_study_leader"');
    await queryRunner.query('DROP TABLE "study"');
  }
}
