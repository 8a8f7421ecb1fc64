import { ErrorCodes, type ErrorCode } from '@orgo/contracts';
import { FormAlert } from '@/components/form-alert';
import { useT } from '@/i18n/i18n-provider';

function isErrorCode(value: string): value is ErrorCode {
  return (ErrorCodes as readonly string[]).includes(value);
}

/** Why a social sign-in came back to the login page (`?error=<code>`), in the reader's language. */
export function OAuthErrorAlert({ code }: { code: string | null }) {
  const t = useT();
  if (!code) return null;
  return (
    <FormAlert>{isErrorCode(code) ? t(`errorCode.${code}`) : t('auth.oauth.failed')}</FormAlert>
  );
}
