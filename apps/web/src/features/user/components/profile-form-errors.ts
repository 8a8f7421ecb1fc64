import type { Translate } from '@/i18n/translate';
import { isApiError } from '@/lib/api-error';

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;
export const ABOUT_MAX = 500;
export const LINKS_MAX = 5;
export const LINK_LABEL_MAX = 30;
export const LINK_URL_MAX = 300;
// Same rule as the API: letters of any script, digits, _ . - and single inner spaces.
const NICKNAME_PATTERN = /^[\p{L}\p{N}_.-]+(?: [\p{L}\p{N}_.-]+)*$/u;

export interface LinkDraft {
  label: string;
  url: string;
}

export interface ProfileDraft {
  nickname: string;
  about: string;
  links: LinkDraft[];
}

/** Keys: `nickname`, `about`, `links`, `links.<i>.label`, `links.<i>.url`. */
export type ProfileErrors = Record<string, string | undefined>;

export function hasErrors(errors: ProfileErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Rows left completely blank are dropped rather than reported. */
export function cleanLinks(links: LinkDraft[]): LinkDraft[] {
  return links
    .map((l) => ({ label: l.label.trim(), url: l.url.trim() }))
    .filter((l) => l.label || l.url);
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export function validateProfile(draft: ProfileDraft, t: Translate): ProfileErrors {
  const errors: ProfileErrors = {};
  const nickname = draft.nickname.trim();
  if (nickname.length < NICKNAME_MIN || nickname.length > NICKNAME_MAX) {
    errors.nickname = t('editProfile.validation.nicknameLength', {
      max: NICKNAME_MAX,
      min: NICKNAME_MIN,
    });
  } else if (!NICKNAME_PATTERN.test(nickname)) {
    errors.nickname = t('editProfile.validation.nicknameChars');
  }
  if (draft.about.length > ABOUT_MAX) {
    errors.about = t('editProfile.validation.aboutLength', { max: ABOUT_MAX });
  }
  draft.links.forEach((link, i) => {
    const label = link.label.trim();
    const url = link.url.trim();
    if (!label && !url) return;
    if (label.length < 1 || label.length > LINK_LABEL_MAX) {
      errors[`links.${i}.label`] = t('editProfile.validation.linkLabelLength', {
        max: LINK_LABEL_MAX,
      });
    }
    if (url.length > LINK_URL_MAX) {
      errors[`links.${i}.url`] = t('editProfile.validation.linkUrlLength', { max: LINK_URL_MAX });
    } else if (!isHttpUrl(url)) {
      errors[`links.${i}.url`] = t('editProfile.validation.linkUrlInvalid');
    }
  });
  return errors;
}

/**
 * Errors from a refused save, by field. The API numbers links after blank rows were dropped, so
 * `rowOf` maps its index back to the row on screen.
 */
export function serverProfileErrors(
  error: unknown,
  t: Translate,
  rowOf: (sentIndex: number) => number,
): ProfileErrors {
  if (!isApiError(error)) return {};
  const errors: ProfileErrors = {};
  if (error.code === 'USER_NICKNAME_TAKEN') errors.nickname = t('errorCode.USER_NICKNAME_TAKEN');
  for (const { field, message } of error.fieldErrors) {
    const link = /^links\.(\d+)\.(label|url)$/.exec(field);
    const key = link ? `links.${rowOf(Number(link[1]))}.${link[2]}` : field;
    errors[key] ??= message;
  }
  return errors;
}
