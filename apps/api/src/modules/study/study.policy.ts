import type { StudyStatus } from '@orgo/contracts';

/** Pure rules of studies; the services load the rows and ask these. */

export const TITLE_MAX = 80;
export const DESCRIPTION_MAX = 5000;
export const LOCATION_MAX = 200;
export const MEMBERS_MIN = 2;
export const MEMBERS_MAX = 100;
export const TAGS_MIN = 1;
export const TAGS_MAX = 10;
export const TAG_MAX = 30;
export const TAG_SUGGESTIONS = 10;
/** Numbered pages hold this many; the cursor (infinite scroll) may ask for up to PAGE_MAX. */
export const PAGE_SIZE = 12;
export const PAGE_MAX = 48;
/** Numbered pages beyond this are refused: use the cursor to go further. */
export const PAGE_NUMBER_MAX = 1000;
export const STUDY_STATUSES: readonly StudyStatus[] = [
  'recruiting',
  'full',
  'in_progress',
  'ended',
];

/** A study as the status rule reads it; dates are calendar days, `YYYY-MM-DD`. */
export interface StatusView {
  startDate: string;
  endDate: string;
  memberCount: number;
  maxMembers: number;
}

/**
 * Ended after the end day; in progress from the start day; before that full or recruiting by
 * count. STATUS_SQL is the same rule for SQL filters; both take "today" from the caller.
 */
export function studyStatus(study: StatusView, today: string): StudyStatus {
  if (study.endDate < today) return 'ended';
  if (study.startDate <= today) return 'in_progress';
  return study.memberCount >= study.maxMembers ? 'full' : 'recruiting';
}

/** studyStatus in SQL over a `study` row aliased `alias`, with today's date as `today`. */
export function statusSql(alias: string, today: string): string {
  return `CASE WHEN ${alias}.end_date < ${today} THEN 'ended'
               WHEN ${alias}.start_date <= ${today} THEN 'in_progress'
               WHEN ${alias}.member_count >= ${alias}.max_members THEN 'full'
               ELSE 'recruiting' END`;
}

/** Today's calendar day in UTC, the one clock statuses are read against. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day (no 30 February), in the years a study can plausibly run. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = CALENDAR_DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = m.slice(1).map(Number);
  if (year < 2000 || year > 2100) return false;
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

/** Why these dates cannot be a study's (null when they can); a new study must not be over yet. */
export function dateRangeProblem(
  startDate: string,
  endDate: string,
  today: string | null,
): string | null {
  if (endDate < startDate) return 'endDate must be on or after startDate';
  if (today !== null && endDate < today) return 'endDate is in the past';
  return null;
}

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}+#._-]*$/u;

/** Lower case, NFKC, inner spaces as `-`; null when it is not a tag (empty, too long, symbols). */
export function normaliseTag(raw: string): string | null {
  const tag = raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '-');
  if (!tag || [...tag].length > TAG_MAX || !TAG.test(tag)) return null;
  return tag;
}

/** The normalised, de-duplicated tags in their given order, or the first bad one. */
export function normaliseTags(
  raw: string[],
): { ok: true; tags: string[] } | { ok: false; reason: string } {
  const tags: string[] = [];
  for (const value of raw) {
    const tag = normaliseTag(value);
    if (tag === null) return { ok: false, reason: `"${value.slice(0, 40)}" is not a valid tag` };
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length < TAGS_MIN || tags.length > TAGS_MAX)
    return { ok: false, reason: `give ${TAGS_MIN} to ${TAGS_MAX} different tags` };
  return { ok: true, tags };
}

/** Why a user cannot join (null when they can), checked in this order. */
export function joinRefusal(
  study: StatusView,
  today: string,
  isMember: boolean,
): 'member' | 'ended' | 'full' | null {
  if (isMember) return 'member';
  if (study.endDate < today) return 'ended';
  if (study.memberCount >= study.maxMembers) return 'full';
  return null;
}

/** A withdrawn leader's heir: the longest-standing remaining member. */
export function nextLeader<T extends { userId: string; joinedAt: Date }>(
  members: T[],
  leavingId: string,
): T | undefined {
  return members
    .filter((m) => m.userId !== leavingId)
    .sort(
      (x, y) => x.joinedAt.getTime() - y.joinedAt.getTime() || x.userId.localeCompare(y.userId),
    )[0];
}

/** Numbered page → offset; the cursor, when given, replaces the page number. */
export function pageOffset(page: number | undefined, size: number): number {
  return ((page ?? 1) - 1) * size;
}
