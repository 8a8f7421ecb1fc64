import { AppError } from '../../infra/http/app-error';

export const UserErrors = {
  nicknameTaken: () => new AppError('USER_NICKNAME_TAKEN', 409, 'This nickname is already taken.'),
  notFound: () => new AppError('COMMON_NOT_FOUND', 404, 'User not found.'),
};
