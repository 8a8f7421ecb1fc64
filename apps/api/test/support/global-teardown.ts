import { Client } from 'pg';
import { readState } from './env';

export default async function globalTeardown(): Promise<void> {
  const state = readState();
  const name = new URL(state.databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
