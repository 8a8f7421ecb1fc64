import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserEntity } from '../../src/modules/user/entities/user.entity';

/**
 * A user row saved straight through a DataSource, for specs that drive services and subscribers
 * without an API process: no password, email verified only when asked.
 */
export function insertUser(
  ds: DataSource,
  opts: { verified?: boolean; avatarKey?: string } = {},
): Promise<UserEntity> {
  const tag = randomBytes(5).toString('hex');
  return ds.getRepository(UserEntity).save({
    email: `row-${tag}@example.com`,
    nickname: `r${tag}`,
    passwordHash: null,
    emailVerifiedAt: opts.verified ? new Date() : null,
    ...(opts.avatarKey ? { avatarKey: opts.avatarKey } : {}),
  });
}

/** `n` users as `insertUser` makes them. */
export function insertUsers(
  ds: DataSource,
  n: number,
  opts: { verified?: boolean } = {},
): Promise<UserEntity[]> {
  return Promise.all(Array.from({ length: n }, () => insertUser(ds, opts)));
}
