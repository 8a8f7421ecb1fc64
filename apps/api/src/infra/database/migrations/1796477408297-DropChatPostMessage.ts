import { MigrationInterface, QueryRunner } from 'typeorm';
import { ChatPostMessageFunction1795336500000 } from './1795336500000-ChatPostMessageFunction';

/**
 * Every chat send goes through chat_post_messages (migration 1795400000000), a send alone as a
 * batch of one: the one-message function cost the same and is no longer called.
 */
export class DropChatPostMessage1796477408297 implements MigrationInterface {
  name = 'DropChatPostMessage1796477408297';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION IF EXISTS chat_post_message(uuid, uuid, uuid, varchar, uuid, uuid)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await new ChatPostMessageFunction1795336500000().up(queryRunner);
  }
}
