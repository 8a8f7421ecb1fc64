import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthErrors } from './auth.errors';

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(__dirname, 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/**
 * True when the password is on the shipped list of common/breached passwords (case-insensitive),
 * also once up to four trailing digits or symbols are cut off (`Password123!` is `password`).
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const tail = /[\d\W_]{1,4}$/u.exec(lower)?.[0] ?? '';
  const stem = lower.slice(0, lower.length - tail.length);
  return commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem));
}

/** Parts of who the user is that a password must not contain; shorter than 3 they are ignored. */
export interface PersonalWords {
  email?: string;
  nickname?: string | null;
}

/** True when the password contains the email's local part (before any `+tag`) or the nickname. */
export function isPersonalPassword(password: string, words: PersonalWords): boolean {
  const lower = password.toLowerCase().replace(/\s+/g, '');
  const local = words.email?.split('@')[0]?.split('+')[0];
  const nickname = words.nickname?.replace(/\s+/g, '');
  return [local, nickname].some(
    (w) => w !== undefined && w.length >= 3 && lower.includes(w.toLowerCase()),
  );
}

/** The password rule of sign-up, reset and change: not common, not made of the user's name. */
export function assertPasswordAllowed(
  password: string,
  words: PersonalWords,
  field = 'password',
): void {
  if (isCommonPassword(password)) throw AuthErrors.passwordTooCommon(field);
  if (isPersonalPassword(password, words)) throw AuthErrors.passwordTooPersonal(field);
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
