import { failClosed, type RateLimitRule } from '../../infra/http/rate-limit.service';

/** Limits of the mail-sending and password-confirming endpoints (security bar §3.2). */
export const AccountLimits = {
  mailPerIpDay: { name: 'mail-ip-day', limit: 5, windowSec: 24 * 3600 },
  verifyMailPerAccountDay: { name: 'verify-mail-account-day', limit: 5, windowSec: 24 * 3600 },
  resetMailPerAddressHour: { name: 'reset-mail-address-hour', limit: 2, windowSec: 3600 },
  resetMailPerAddressDay: { name: 'reset-mail-address-day', limit: 5, windowSec: 24 * 3600 },
  /** Wrong current passwords (change password, delete account), like login failures. */
  passwordFailuresPerAccount: { name: 'password-fail-account', limit: 5, windowSec: 30 * 60 },
} satisfies Record<string, RateLimitRule>;
// Counted per instance while Redis is down they would multiply: refuse (503) instead.
failClosed(AccountLimits);

/** One verification mail per cooldown window per account. */
export function verifyMailCooldown(windowSec: number): RateLimitRule {
  return { name: 'verify-mail-cooldown', limit: 1, windowSec, failClosed: true };
}
