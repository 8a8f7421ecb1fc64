import { authKo } from '../features/auth/i18n/ko';
import { chatKo } from '../features/chat/i18n/ko';
import { devKo } from '../features/dev/i18n/ko';
import { studyKo } from '../features/study/i18n/ko';
import { postKo } from '../features/post/i18n/ko';
import { userKo } from '../features/user/i18n/ko';
import { appKo } from './app/ko';
import { errorCodesKo } from './error-codes/ko';

/**
 * The default language, merged from one file per feature (`features/<feature>/i18n/ko.ts`) and
 * the app's own (`app/`, `error-codes/`); each file owns whole top-level namespaces.
 * `en.ts` must have exactly these keys (enforced by its type and by each part's `typeof`).
 * Relative imports: the browser tests (e2e/) import this file without the `@/` alias.
 */
export const ko = {
  ...authKo,
  ...chatKo,
  ...devKo,
  ...studyKo,
  ...postKo,
  ...userKo,
  ...appKo,
  ...errorCodesKo,
};

export type Messages = typeof ko;
