import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(__dirname, 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/** True when the password is on the shipped list of common/breached passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
