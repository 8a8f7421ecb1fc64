import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useSignUp } from '../api/sign-up';
import { useFocusFirstError } from '../hooks/use-focus-first-error';
import {
  hasFieldErrors,
  isShownOnField,
  serverFieldErrors,
  validateEmail,
  validateNewPassword,
  type AuthField,
  type FieldErrors,
} from './auth-form-errors';

const FIELDS = ['email', 'password', 'nickname'] as const satisfies readonly AuthField[];

export function SignupForm() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const signUp = useSignUp();
  const [values, setValues] = useState({ email: '', nickname: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const nicknameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const focusFirstError = useFocusFirstError(FIELDS, {
    email: emailRef,
    nickname: nicknameRef,
    password: passwordRef,
  });

  const showErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    focusFirstError(errors);
  };

  const change = (field: AuthField, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setFieldErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {
      email: validateEmail(values.email, t),
      password: validateNewPassword(values.password, t),
    };
    if (hasFieldErrors(errors)) {
      signUp.reset();
      showErrors(errors);
      return;
    }
    setFieldErrors({});
    const nickname = values.nickname.trim();
    signUp.mutate(
      { email: values.email.trim(), password: values.password, ...(nickname ? { nickname } : {}) },
      { onError: (error) => showErrors(serverFieldErrors(error, FIELDS, t)) },
    );
  };

  const formError =
    signUp.error && !isShownOnField(signUp.error) ? errorMessage(signUp.error) : undefined;

  return (
    <form className="form" noValidate aria-busy={signUp.isPending} onSubmit={onSubmit}>
      <FormAlert>{formError}</FormAlert>
      <TextField
        ref={emailRef}
        label={t('auth.fields.email')}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        required
        value={values.email}
        error={fieldErrors.email}
        onChange={(event) => change('email', event.target.value)}
      />
      <TextField
        ref={passwordRef}
        label={t('auth.fields.password')}
        hint={t('auth.fields.passwordHint')}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        value={values.password}
        error={fieldErrors.password}
        onChange={(event) => change('password', event.target.value)}
      />
      <TextField
        ref={nicknameRef}
        label={t('auth.fields.nickname')}
        hint={t('auth.fields.nicknameHint')}
        type="text"
        name="nickname"
        autoComplete="nickname"
        value={values.nickname}
        error={fieldErrors.nickname}
        onChange={(event) => change('nickname', event.target.value)}
      />
      <button
        className="button button--primary button--block"
        type="submit"
        disabled={signUp.isPending}
      >
        {signUp.isPending ? t('auth.signup.pending') : t('auth.signup.submit')}
      </button>
    </form>
  );
}
