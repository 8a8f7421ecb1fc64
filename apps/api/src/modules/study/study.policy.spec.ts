import {
  dateRangeProblem,
  isCalendarDay,
  joinRefusal,
  nextLeader,
  normaliseTag,
  normaliseTags,
  studyStatus,
  todayUtc,
} from './study.policy';

const study = (over: Partial<Parameters<typeof studyStatus>[0]> = {}) => ({
  startDate: '2026-03-10',
  endDate: '2026-03-20',
  memberCount: 3,
  maxMembers: 5,
  ...over,
});

describe('study status', () => {
  it.each([
    ['2026-03-01', {}, 'recruiting'],
    ['2026-03-09', { memberCount: 5 }, 'full'],
    ['2026-03-10', {}, 'in_progress'],
    ['2026-03-20', { memberCount: 5 }, 'in_progress'],
    ['2026-03-21', {}, 'ended'],
    ['2026-03-21', { memberCount: 5 }, 'ended'],
  ] as const)('on %s with %j is %s', (today, over, status) => {
    expect(studyStatus(study(over), today)).toBe(status);
  });

  it('reads today in UTC', () => {
    expect(todayUtc(new Date('2026-03-09T23:59:59.999Z'))).toBe('2026-03-09');
    expect(todayUtc(new Date('2026-03-10T00:00:00.000+09:00'))).toBe('2026-03-09');
  });
});

describe('dates', () => {
  it.each(['2026-02-28', '2028-02-29', '2000-01-01', '2100-12-31'])('accepts %s', (day) => {
    expect(isCalendarDay(day)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '1999-12-31',
    '2101-01-01',
    '2026-03-10T00:00:00Z',
    '',
    20260310,
    null,
  ])('refuses %p', (day) => {
    expect(isCalendarDay(day)).toBe(false);
  });

  it('needs the end on or after the start, and a new study not over yet', () => {
    expect(dateRangeProblem('2026-03-10', '2026-03-10', '2026-03-01')).toBeNull();
    expect(dateRangeProblem('2026-03-10', '2026-03-09', null)).toMatch(/on or after/);
    expect(dateRangeProblem('2026-02-01', '2026-02-10', '2026-03-01')).toMatch(/past/);
    expect(dateRangeProblem('2026-02-01', '2026-02-10', null)).toBeNull();
  });
});

describe('tags', () => {
  it('normalises case, width and spaces', () => {
    expect(normaliseTag('  NestJS ')).toBe('nestjs');
    expect(normaliseTag('ＴｙｐｅＳｃｒｉｐｔ')).toBe('typescript');
    expect(normaliseTag('machine learning')).toBe('machine-learning');
    expect(normaliseTag('C++')).toBe('c++');
    expect(normaliseTag('알고리즘')).toBe('알고리즘');
  });

  it.each(['', '   ', '#hash', '-dash', 'a<b>', 'x'.repeat(31), 'tab\u0007'])(
    'refuses %p',
    (raw) => {
      expect(normaliseTag(raw)).toBeNull();
    },
  );

  it('de-duplicates after normalising and needs 1 to 10', () => {
    expect(normaliseTags(['React', 'react', ' REACT'])).toEqual({ ok: true, tags: ['react'] });
    expect(normaliseTags([]).ok).toBe(false);
    expect(normaliseTags(Array.from({ length: 11 }, (_, i) => `t${i}`)).ok).toBe(false);
    expect(normaliseTags([...Array.from({ length: 10 }, (_, i) => `t${i}`), 'T0']).ok).toBe(true);
    expect(normaliseTags(['ok', '<script>']).ok).toBe(false);
  });
});

describe('membership', () => {
  it('refuses members, then ended studies, then full ones', () => {
    expect(joinRefusal(study(), '2026-03-01', true)).toBe('member');
    expect(joinRefusal(study({ memberCount: 5 }), '2026-03-21', false)).toBe('ended');
    expect(joinRefusal(study({ memberCount: 5 }), '2026-03-01', false)).toBe('full');
    expect(joinRefusal(study(), '2026-03-15', false)).toBeNull();
  });

  it('hands leadership to the longest-standing other member', () => {
    const at = (iso: string) => new Date(iso);
    const members = [
      { userId: 'leader', joinedAt: at('2026-01-01') },
      { userId: 'b', joinedAt: at('2026-01-03') },
      { userId: 'c', joinedAt: at('2026-01-02') },
      { userId: 'a', joinedAt: at('2026-01-02') },
    ];
    expect(nextLeader(members, 'leader')?.userId).toBe('a');
    expect(nextLeader([members[0]], 'leader')).toBeUndefined();
  });
});
