import type { ErrorCode } from '@orgo/contracts';
import type { MessageKey, Translate } from '@/i18n/translate';
import { isApiError } from '@/lib/api-error';

export type AuthField =
  | 'code'
  | 'confirmPassword'
  | 'currentPassword'
  | 'email'
  | 'newPassword'
  | 'nickname'
  | 'password';
export type FieldErrors = Partial<Record<AuthField, string>>;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE_PATTERN = /^[0-9]{6}$/;

// Codes that belong next to an input rather than at the top of the form (the first one the form has).
const fieldsOfCode: Partial<Record<ErrorCode, readonly AuthField[]>> = {
  AUTH_EMAIL_CODE_INVALID: ['code'],
  AUTH_EMAIL_TAKEN: ['email'],
  AUTH_PASSWORD_INCORRECT: ['currentPassword', 'password'],
  AUTH_PASSWORD_TOO_COMMON: ['newPassword', 'password'],
  AUTH_PASSWORD_TOO_PERSONAL: ['newPassword', 'password'],
  USER_NICKNAME_TAKEN: ['nickname'],
};

// class-validator rule names the API reports in `errors[].code`.
const messageOfRule: Record<string, Partial<Record<AuthField, MessageKey>>> = {
  incorrect: {
    code: 'errorCode.AUTH_EMAIL_CODE_INVALID',
    currentPassword: 'errorCode.AUTH_PASSWORD_INCORRECT',
    password: 'errorCode.AUTH_PASSWORD_INCORRECT',
  },
  isEmail: { email: 'auth.validation.emailInvalid' },
  isNotEmpty: {
    currentPassword: 'auth.validation.passwordRequired',
    email: 'auth.validation.emailRequired',
    password: 'auth.validation.passwordRequired',
  },
  isLength: {
    newPassword: 'auth.validation.passwordLength',
    password: 'auth.validation.passwordLength',
  },
  matches: { code: 'auth.validation.codeFormat', nickname: 'editProfile.validation.nicknameChars' },
  maxLength: { password: 'auth.validation.passwordLength' },
  minLength: { password: 'auth.validation.passwordLength' },
  tooCommon: {
    newPassword: 'errorCode.AUTH_PASSWORD_TOO_COMMON',
    password: 'errorCode.AUTH_PASSWORD_TOO_COMMON',
  },
  tooPersonal: {
    newPassword: 'errorCode.AUTH_PASSWORD_TOO_PERSONAL',
    password: 'errorCode.AUTH_PASSWORD_TOO_PERSONAL',
  },
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

export function validateCode(code: string, t: Translate): string | undefined {
  return CODE_PATTERN.test(code.trim()) ? undefined : t('auth.validation.codeFormat');
}

export function validatePasswordConfirmation(
  password: string,
  confirmation: string,
  t: Translate,
): string | undefined {
  return password === confirmation ? undefined : t('auth.validation.passwordMismatch');
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
  const codeField = fieldsOfCode[error.code]?.find((field) => fields.includes(field));
  if (codeField && !result[codeField]) {
    result[codeField] = t(`errorCode.${error.code}`);
  }
  return result;
}

/** The form-level message, unless the error was fully shown next to a field. */
export function isShownOnField(error: unknown): boolean {
  return isApiError(error) && fieldsOfCode[error.code] !== undefined;
}
