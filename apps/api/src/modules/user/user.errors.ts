import { AppError } from '../../infra/http/app-error';

export const UserErrors = {
  blockSelf: () => new AppError('USER_BLOCK_SELF', 400, 'You cannot block yourself.'),
  followBlocked: () =>
    new AppError('USER_FOLLOW_BLOCKED', 403, 'You blocked this user. Unblock them first.'),
  followSelf: () => new AppError('USER_FOLLOW_SELF', 400, 'You cannot follow yourself.'),
  muteSelf: () => new AppError('USER_MUTE_SELF', 400, 'You cannot mute yourself.'),
  nicknameTaken: () => new AppError('USER_NICKNAME_TAKEN', 409, 'This nickname is already taken.'),
  notFound: () => new AppError('COMMON_NOT_FOUND', 404, 'User not found.'),
};
