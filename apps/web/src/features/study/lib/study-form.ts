import type { StudyDetail, StudyInput } from '../api/types';

export const TITLE_MAX = 80;
export const DESCRIPTION_MAX = 5000;
export const LOCATION_MAX = 200;
export const MEMBERS_MIN = 2;
export const MEMBERS_MAX = 100;
export const TAGS_MAX = 10;
export const TAG_MAX = 30;

export interface StudyFormValues {
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  mode: 'online' | 'offline';
  location: string;
  maxMembers: string;
  tags: string[];
}

export type StudyFormErrors = Partial<Record<keyof StudyFormValues, StudyFormError>>;
export type StudyFormError =
  | 'required'
  | 'tooLong'
  | 'endBeforeStart'
  | 'endInPast'
  | 'membersRange'
  | 'membersBelowCount'
  | 'tagsCount';

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}+#._-]*$/u;

/** The same rule as the API: lower case, NFKC, inner spaces as `-`; null when not a tag. */
export function normaliseTag(raw: string): string | null {
  const tag = raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '-');
  if (!tag || [...tag].length > TAG_MAX || !TAG.test(tag)) return null;
  return tag;
}

/** Adds a typed tag (normalised, once); returns the list unchanged when it is not a tag. */
export function addTag(tags: string[], raw: string): { tags: string[]; isValid: boolean } {
  const tag = normaliseTag(raw);
  if (tag === null) return { tags, isValid: false };
  if (tags.includes(tag) || tags.length >= TAGS_MAX) return { tags, isValid: true };
  return { tags: [...tags, tag], isValid: true };
}

export const emptyStudyForm = (today: string): StudyFormValues => ({
  title: '',
  description: '',
  startDate: today,
  endDate: today,
  mode: 'online',
  location: '',
  maxMembers: '6',
  tags: [],
});

export function formFromStudy(study: StudyDetail): StudyFormValues {
  return {
    title: study.title,
    description: study.description,
    startDate: study.startDate,
    endDate: study.endDate,
    mode: study.mode,
    location: study.location ?? '',
    maxMembers: String(study.maxMembers),
    tags: study.tags,
  };
}

/**
 * Checks before sending; the API checks again and its codes are shown too. `memberCount` is the
 * current count when editing (the limit cannot go below it); a new study must not be over yet.
 */
export function validateStudyForm(
  values: StudyFormValues,
  context: { today: string; memberCount: number | null },
): StudyFormErrors {
  const errors: StudyFormErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'required';
  else if (title.length > TITLE_MAX) errors.title = 'tooLong';
  if (values.description.length > DESCRIPTION_MAX) errors.description = 'tooLong';
  if (values.location.trim().length > LOCATION_MAX) errors.location = 'tooLong';
  if (!values.startDate) errors.startDate = 'required';
  if (!values.endDate) errors.endDate = 'required';
  else if (values.startDate && values.endDate < values.startDate) errors.endDate = 'endBeforeStart';
  else if (context.memberCount === null && values.endDate < context.today)
    errors.endDate = 'endInPast';
  const max = Number(values.maxMembers);
  if (!Number.isInteger(max) || max < MEMBERS_MIN || max > MEMBERS_MAX)
    errors.maxMembers = 'membersRange';
  else if (context.memberCount !== null && max < context.memberCount)
    errors.maxMembers = 'membersBelowCount';
  if (values.tags.length < 1 || values.tags.length > TAGS_MAX) errors.tags = 'tagsCount';
  return errors;
}

export function inputFromForm(values: StudyFormValues): StudyInput {
  return {
    title: values.title.trim(),
    description: values.description,
    startDate: values.startDate,
    endDate: values.endDate,
    mode: values.mode,
    location: values.location.trim() || null,
    maxMembers: Number(values.maxMembers),
    tags: values.tags,
  };
}

/** Today's calendar day in UTC: the day the API reads statuses against. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
