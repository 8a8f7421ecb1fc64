import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useRequestPasswordReset } from '../api/request-password-reset';
import { useFocusFirstError } from '../hooks/use-focus-first-error';
import {
  serverFieldErrors,
  validateEmail,
  type AuthField,
  type FieldErrors,
} from './auth-form-errors';

const FIELDS = ['email'] as const satisfies readonly AuthField[];

export function ForgotPasswordForm() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const focusFirstError = useFocusFirstError(FIELDS, { email: emailRef });

  const showErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    focusFirstError(errors);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const error = validateEmail(email, t);
    if (error) {
      request.reset();
      showErrors({ email: error });
      return;
    }
    setFieldErrors({});
    request.mutate(
      { email: email.trim() },
      { onError: (err) => showErrors(serverFieldErrors(err, FIELDS, t)) },
    );
  };

  // The server answers the same whether or not the address has an account, and so do we.
  if (request.isSuccess) return <FormAlert tone="success">{t('auth.forgot.sent')}</FormAlert>;

  return (
    <form className="form" noValidate aria-busy={request.isPending} onSubmit={onSubmit}>
      <FormAlert>{request.error ? errorMessage(request.error) : undefined}</FormAlert>
      <TextField
        ref={emailRef}
        label={t('auth.fields.email')}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        required
        value={email}
        error={fieldErrors.email}
        onChange={(event) => {
          setEmail(event.target.value);
          setFieldErrors({});
        }}
      />
      <button
        className="button button--primary button--block"
        type="submit"
        disabled={request.isPending}
      >
        {request.isPending ? t('auth.forgot.pending') : t('auth.forgot.submit')}
      </button>
    </form>
  );
}
