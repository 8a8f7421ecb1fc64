/** Error codes of studies, their members and tags. */
export const StudyErrorCodes = [
  'STUDY_ALREADY_MEMBER',
  'STUDY_DATE_RANGE_INVALID',
  'STUDY_ENDED',
  'STUDY_FULL',
  'STUDY_LEADER_CANNOT_LEAVE',
  'STUDY_LEADER_ONLY',
  'STUDY_MAX_BELOW_COUNT',
  'STUDY_NOT_FOUND',
  'STUDY_NOT_MEMBER',
  'STUDY_TAG_INVALID',
] as const;
