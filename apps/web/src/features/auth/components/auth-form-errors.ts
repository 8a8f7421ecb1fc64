import type { ErrorCode } from '@orgo/contracts';
import type { MessageKey, Translate } from '@/i18n/translate';
import { isApiError } from '@/lib/api-error';

export type AuthField = 'email' | 'nickname' | 'password';
export type FieldErrors = Partial<Record<AuthField, string>>;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Codes that belong next to one input rather than at the top of the form.
const fieldOfCode: Partial<Record<ErrorCode, AuthField>> = {
  AUTH_EMAIL_TAKEN: 'email',
  AUTH_PASSWORD_TOO_COMMON: 'password',
  USER_NICKNAME_TAKEN: 'nickname',
};

// class-validator rule names the API reports in `errors[].code`.
const messageOfRule: Record<string, Partial<Record<AuthField, MessageKey>>> = {
  isEmail: { email: 'auth.validation.emailInvalid' },
  isNotEmpty: {
    email: 'auth.validation.emailRequired',
    password: 'auth.validation.passwordRequired',
  },
  isLength: { password: 'auth.validation.passwordLength' },
  maxLength: { password: 'auth.validation.passwordLength' },
  minLength: { password: 'auth.validation.passwordLength' },
};

function isAuthField(field: string, fields: readonly AuthField[]): field is AuthField {
  return (fields as readonly string[]).includes(field);
}

export function hasFieldErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

export function validateEmail(email: string, t: Translate): string | undefined {
  if (!email.trim()) return t('auth.validation.emailRequired');
  if (!EMAIL_PATTERN.test(email.trim())) return t('auth.validation.emailInvalid');
  return undefined;
}

export function validateNewPassword(password: string, t: Translate): string | undefined {
  if (!password) return t('auth.validation.passwordRequired');
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    return t('auth.validation.passwordLength', { max: PASSWORD_MAX, min: PASSWORD_MIN });
  }
  return undefined;
}

/** Field errors from a failed request: `errors[]` entries and field-bound codes; unknown rules keep the server's message. */
export function serverFieldErrors(
  error: unknown,
  fields: readonly AuthField[],
  t: Translate,
): FieldErrors {
  if (!isApiError(error)) return {};
  const result: FieldErrors = {};
  for (const { field, code, message } of error.fieldErrors) {
    if (!isAuthField(field, fields) || result[field]) continue;
    const key = messageOfRule[code]?.[field];
    result[field] = key ? t(key, { max: PASSWORD_MAX, min: PASSWORD_MIN }) : message;
  }
  const codeField = fieldOfCode[error.code];
  if (codeField && fields.includes(codeField) && !result[codeField]) {
    result[codeField] = t(`errorCode.${error.code}`);
  }
  return result;
}

/** The form-level message, unless the error was fully shown next to a field. */
export function isShownOnField(error: unknown): boolean {
  return isApiError(error) && fieldOfCode[error.code] !== undefined;
}
