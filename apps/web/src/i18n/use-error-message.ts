import { ErrorCodes, type ErrorCode } from '@orgo/contracts';
import { useCallback } from 'react';
import { isApiError } from '@/lib/api-error';
import { useT } from './i18n-provider';

/** A code this app has a sentence for (`errorCode.<code>`). */
export function isErrorCodeKnown(code: string): code is ErrorCode {
  return (ErrorCodes as readonly string[]).includes(code);
}

/** Turns any thrown error into a translated sentence; unknown codes fall back to the server's message. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error)) {
        const text = isErrorCodeKnown(error.code) ? t(`errorCode.${error.code}`) : error.message;
        return error.retryAfter !== null
          ? `${text} ${t('errors.retryAfter', { seconds: error.retryAfter })}`
          : text;
      }
      if (error instanceof TypeError) return t('errors.network');
      return t('errors.unknown');
    },
    [t],
  );
}
