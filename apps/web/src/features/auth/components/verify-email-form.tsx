import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { isApiError } from '@/lib/api-error';
import { useResendVerification } from '../api/resend-verification';
import { useVerifyEmail } from '../api/verify-email';
import { useCountdown } from '../hooks/use-countdown';
import { useFocusFirstError } from '../hooks/use-focus-first-error';
import {
  isShownOnField,
  serverFieldErrors,
  validateCode,
  type AuthField,
  type FieldErrors,
} from './auth-form-errors';

const FIELDS = ['code'] as const satisfies readonly AuthField[];

/** On success the session store's user becomes verified; the page shows what comes next. */
export function VerifyEmailForm() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const verify = useVerifyEmail();
  const resend = useResendVerification();
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [cooldown, startCooldown] = useCountdown();
  const codeRef = useRef<HTMLInputElement>(null);
  const focusFirstError = useFocusFirstError(FIELDS, { code: codeRef });

  const showErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    focusFirstError(errors);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const error = validateCode(code, t);
    if (error) {
      verify.reset();
      showErrors({ code: error });
      return;
    }
    setFieldErrors({});
    resend.reset();
    verify.mutate(
      { code: code.trim() },
      { onError: (err) => showErrors(serverFieldErrors(err, FIELDS, t)) },
    );
  };

  const onResend = () => {
    verify.reset();
    setFieldErrors({});
    resend.mutate(undefined, {
      onSuccess: ({ cooldownSec }) => {
        setCode('');
        startCooldown(cooldownSec);
        codeRef.current?.focus();
      },
      onError: (err) => {
        if (isApiError(err) && err.retryAfter) startCooldown(err.retryAfter);
      },
    });
  };

  const error = verify.error && !isShownOnField(verify.error) ? verify.error : resend.error;

  return (
    <form className="form" noValidate aria-busy={verify.isPending} onSubmit={onSubmit}>
      {error ? (
        <FormAlert>{errorMessage(error)}</FormAlert>
      ) : (
        <FormAlert tone="success">
          {resend.isSuccess ? t('auth.verifyEmail.resent') : null}
        </FormAlert>
      )}
      <TextField
        ref={codeRef}
        label={t('auth.fields.code')}
        hint={t('auth.fields.codeHint')}
        type="text"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        value={code}
        error={fieldErrors.code}
        onChange={(event) => {
          setCode(event.target.value.replace(/\D/g, ''));
          setFieldErrors({});
        }}
      />
      <button
        className="button button--primary button--block"
        type="submit"
        disabled={verify.isPending}
      >
        {verify.isPending ? t('auth.verifyEmail.pending') : t('auth.verifyEmail.submit')}
      </button>
      <button
        className="button button--ghost button--block"
        type="button"
        disabled={resend.isPending || cooldown > 0}
        onClick={onResend}
      >
        {cooldown > 0
          ? t('auth.verifyEmail.resendIn', { seconds: cooldown })
          : t('auth.verifyEmail.resend')}
      </button>
    </form>
  );
}
