import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useLogIn } from '../api/log-in';
import { useFocusFirstError } from '../hooks/use-focus-first-error';
import {
  hasFieldErrors,
  isShownOnField,
  serverFieldErrors,
  validateEmail,
  type AuthField,
  type FieldErrors,
} from './auth-form-errors';

const FIELDS = ['email', 'password'] as const satisfies readonly AuthField[];

/** On success the session store holds the user; the page decides where to go next. */
export function LoginForm() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const logIn = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const focusFirstError = useFocusFirstError(FIELDS, { email: emailRef, password: passwordRef });

  const showErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    focusFirstError(errors);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {
      email: validateEmail(email, t),
      password: password ? undefined : t('auth.validation.passwordRequired'),
    };
    if (hasFieldErrors(errors)) {
      logIn.reset();
      showErrors(errors);
      return;
    }
    setFieldErrors({});
    logIn.mutate(
      { email: email.trim(), password },
      { onError: (error) => showErrors(serverFieldErrors(error, FIELDS, t)) },
    );
  };

  const formError =
    logIn.error && !isShownOnField(logIn.error) ? errorMessage(logIn.error) : undefined;

  return (
    <form className="form" noValidate aria-busy={logIn.isPending} onSubmit={onSubmit}>
      <FormAlert>{formError}</FormAlert>
      <TextField
        ref={emailRef}
        label={t('auth.fields.email')}
        type="email"
        name="email"
        autoComplete="username"
        inputMode="email"
        required
        value={email}
        error={fieldErrors.email}
        onChange={(event) => {
          setEmail(event.target.value);
          setFieldErrors((previous) => ({ ...previous, email: undefined }));
        }}
      />
      <TextField
        ref={passwordRef}
        label={t('auth.fields.password')}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        error={fieldErrors.password}
        onChange={(event) => {
          setPassword(event.target.value);
          setFieldErrors((previous) => ({ ...previous, password: undefined }));
        }}
      />
      <button
        className="button button--primary button--block"
        type="submit"
        disabled={logIn.isPending}
      >
        {logIn.isPending ? t('auth.login.pending') : t('auth.login.submit')}
      </button>
    </form>
  );
}
