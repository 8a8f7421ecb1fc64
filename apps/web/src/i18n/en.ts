import type { Messages } from './ko';
import { authEn } from '../features/auth/i18n/en';
import { chatEn } from '../features/chat/i18n/en';
import { devEn } from '../features/dev/i18n/en';
import { studyEn } from '../features/study/i18n/en';
import { postEn } from '../features/post/i18n/en';
import { userEn } from '../features/user/i18n/en';
import { appEn } from './app/en';
import { errorCodesEn } from './error-codes/en';

export const en: Messages = {
  ...authEn,
  ...chatEn,
  ...devEn,
  ...studyEn,
  ...postEn,
  ...userEn,
  ...appEn,
  ...errorCodesEn,
};
