import type { FieldError } from '@orgo/contracts';
import { AppError } from '../../infra/http/app-error';

export const StudyErrors = {
  alreadyMember: () =>
    new AppError('STUDY_ALREADY_MEMBER', 409, 'You are already a member of this study.'),
  dateRangeInvalid: (message: string) =>
    new AppError('STUDY_DATE_RANGE_INVALID', 400, 'The study dates are not valid.', [
      { field: 'endDate', code: 'invalid', message },
    ]),
  ended: () => new AppError('STUDY_ENDED', 409, 'This study has ended; it takes no new members.'),
  full: () => new AppError('STUDY_FULL', 409, 'This study has reached its member limit.'),
  leaderCannotLeave: () =>
    new AppError(
      'STUDY_LEADER_CANNOT_LEAVE',
      409,
      'The leader cannot leave the study. Hand leadership to a member first, or delete the study.',
    ),
  leaderOnly: () =>
    new AppError('STUDY_LEADER_ONLY', 403, 'Only the leader of the study can do this.'),
  maxBelowCount: (count: number) =>
    new AppError(
      'STUDY_MAX_BELOW_COUNT',
      409,
      `The member limit cannot be below the current number of members (${count}).`,
      [{ field: 'maxMembers', code: 'min', message: `maxMembers must be at least ${count}` }],
    ),
  // Deleted studies answer exactly like missing ones.
  notFound: () => new AppError('STUDY_NOT_FOUND', 404, 'Study not found.'),
  notMember: () => new AppError('STUDY_NOT_MEMBER', 409, 'This user is not a member of the study.'),
  tagInvalid: (message: string) =>
    new AppError('STUDY_TAG_INVALID', 400, 'The tags are not valid.', [
      { field: 'tags', code: 'invalid', message } satisfies FieldError,
    ]),
};
