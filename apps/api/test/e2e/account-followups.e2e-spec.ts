import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app.config';
import { createDataSource } from '../../src/infra/database/data-source';
import type { SchedulerService } from '../../src/infra/scheduler/scheduler.service';
import { AccountFollowups, type AccountDeletion } from '../../src/modules/user';
import { insertUser } from '../factories/entities';
import { readState } from '../support/env';

/** The follow-up store on a real Postgres, without HTTP: what each module's handler is given. */
let ds: DataSource;

beforeAll(async () => {
  ds = createDataSource(readState().databaseUrl, 2);
  await ds.initialize();
});

afterAll(async () => {
  await ds?.destroy();
});

function followups(): AccountFollowups {
  const scheduler = { register: () => undefined } as unknown as SchedulerService;
  const config = {
    env: { ACCOUNT_FOLLOWUP_RETRY_AFTER_SEC: 60, ACCOUNT_FOLLOWUP_INTERVAL_SEC: 300 },
  } as unknown as AppConfig;
  return new AccountFollowups(ds, scheduler, config);
}

it.each(['anonymize', 'remove'] as const)(
  'hands each module the content policy the owner chose (%s), and marks its row done',
  async (contentPolicy) => {
    const store = followups();
    const seen: AccountDeletion[] = [];
    store.register('probe', async (deletion) => {
      seen.push(deletion);
    });
    const user = await insertUser(ds);
    await ds.transaction((tx) => store.enqueue(tx, { userId: user.id, contentPolicy }));

    await store.onAccountDeleted({ userId: user.id, contentPolicy, avatarKey: null });

    expect(seen).toEqual([{ userId: user.id, contentPolicy }]);
    const [row] = await ds.query(
      'SELECT content_policy, attempts, done_at FROM account_followup WHERE user_id = $1',
      [user.id],
    );
    expect(row).toMatchObject({ content_policy: contentPolicy, attempts: 1 });
    expect(row.done_at).not.toBeNull();
  },
);
