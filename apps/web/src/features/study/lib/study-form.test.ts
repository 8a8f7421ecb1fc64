import { describe, expect, it } from 'vitest';
import {
  addTag,
  emptyStudyForm,
  inputFromForm,
  normaliseTag,
  todayUtc,
  validateStudyForm,
  type StudyFormValues,
} from './study-form';

const valid = (over: Partial<StudyFormValues> = {}): StudyFormValues => ({
  ...emptyStudyForm('2026-03-01'),
  title: '  알고리즘 스터디 ',
  startDate: '2026-03-02',
  endDate: '2026-03-30',
  tags: ['algorithms'],
  ...over,
});

describe('tags', () => {
  it('normalises like the API', () => {
    expect(normaliseTag(' NestJS ')).toBe('nestjs');
    expect(normaliseTag('machine learning')).toBe('machine-learning');
    expect(normaliseTag('<b>')).toBeNull();
    expect(normaliseTag('x'.repeat(31))).toBeNull();
  });

  it('adds each tag once, at most 10, and says when a tag is invalid', () => {
    expect(addTag(['go'], 'Go')).toEqual({ tags: ['go'], isValid: true });
    expect(addTag(['go'], 'Rust')).toEqual({ tags: ['go', 'rust'], isValid: true });
    expect(addTag(['go'], '#')).toEqual({ tags: ['go'], isValid: false });
    const ten = Array.from({ length: 10 }, (_, i) => `t${i}`);
    expect(addTag(ten, 'more').tags).toBe(ten);
  });
});

describe('study form', () => {
  const create = { today: '2026-03-01', memberCount: null };

  it('accepts a complete form and sends trimmed values', () => {
    expect(validateStudyForm(valid(), create)).toEqual({});
    expect(inputFromForm(valid({ location: '  ' }))).toEqual({
      title: '알고리즘 스터디',
      description: '',
      startDate: '2026-03-02',
      endDate: '2026-03-30',
      mode: 'online',
      location: null,
      maxMembers: 6,
      tags: ['algorithms'],
    });
  });

  it.each([
    [{ title: '  ' }, { title: 'required' }],
    [{ title: 'x'.repeat(81) }, { title: 'tooLong' }],
    [{ endDate: '2026-03-01' }, { endDate: 'endBeforeStart' }],
    [{ startDate: '2026-02-01', endDate: '2026-02-10' }, { endDate: 'endInPast' }],
    [{ maxMembers: '1' }, { maxMembers: 'membersRange' }],
    [{ maxMembers: '101' }, { maxMembers: 'membersRange' }],
    [{ maxMembers: '2.5' }, { maxMembers: 'membersRange' }],
    [{ tags: [] }, { tags: 'tagsCount' }],
  ])('refuses %j', (over, errors) => {
    expect(validateStudyForm(valid(over), create)).toEqual(errors);
  });

  it('lets an edit keep past dates but not a limit below the current count', () => {
    const edit = { today: '2026-03-01', memberCount: 5 };
    expect(
      validateStudyForm(valid({ startDate: '2026-01-01', endDate: '2026-01-02' }), edit),
    ).toEqual({});
    expect(validateStudyForm(valid({ maxMembers: '4' }), edit)).toEqual({
      maxMembers: 'membersBelowCount',
    });
  });

  it('reads today in UTC', () => {
    expect(todayUtc(new Date('2026-03-01T23:30:00-02:00'))).toBe('2026-03-02');
  });
});
