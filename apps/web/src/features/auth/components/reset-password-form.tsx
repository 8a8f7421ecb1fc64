import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { isApiError } from '@/lib/api-error';
import { useResetPassword } from '../api/reset-password';
import { useFocusFirstError } from '../hooks/use-focus-first-error';
import {
  hasFieldErrors,
  isShownOnField,
  serverFieldErrors,
  validateNewPassword,
  validatePasswordConfirmation,
  type AuthField,
  type FieldErrors,
} from './auth-form-errors';
import { NewPasswordFields } from './new-password-fields';

const FIELDS = ['newPassword', 'confirmPassword'] as const satisfies readonly AuthField[];

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const reset = useResetPassword();
  const [values, setValues] = useState({ newPassword: '', confirmPassword: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const newPasswordRef = useRef<HTMLInputElement>(null);
  const confirmPasswordRef = useRef<HTMLInputElement>(null);
  const focusFirstError = useFocusFirstError(FIELDS, {
    newPassword: newPasswordRef,
    confirmPassword: confirmPasswordRef,
  });

  const showErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    focusFirstError(errors);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {
      newPassword: validateNewPassword(values.newPassword, t),
      confirmPassword: validatePasswordConfirmation(values.newPassword, values.confirmPassword, t),
    };
    if (hasFieldErrors(errors)) {
      reset.reset();
      showErrors(errors);
      return;
    }
    setFieldErrors({});
    reset.mutate(
      { token, newPassword: values.newPassword },
      { onError: (err) => showErrors(serverFieldErrors(err, FIELDS, t)) },
    );
  };

  if (reset.isSuccess) {
    return (
      <div className="stack">
        <FormAlert tone="success">{t('auth.reset.done')}</FormAlert>
        <Link className="button button--primary" to={paths.login}>
          {t('auth.reset.toLogin')}
        </Link>
      </div>
    );
  }

  const formError =
    reset.error && !isShownOnField(reset.error) ? errorMessage(reset.error) : undefined;
  const isTokenDead = isApiError(reset.error) && reset.error.code === 'AUTH_RESET_TOKEN_INVALID';

  return (
    <form className="form" noValidate aria-busy={reset.isPending} onSubmit={onSubmit}>
      <FormAlert>
        {formError}
        {isTokenDead ? (
          <>
            {' '}
            <Link to={paths.forgotPassword}>{t('auth.reset.requestNew')}</Link>
          </>
        ) : null}
      </FormAlert>
      <NewPasswordFields
        values={values}
        errors={fieldErrors}
        newPasswordRef={newPasswordRef}
        confirmPasswordRef={confirmPasswordRef}
        onChange={(field, value) => {
          setValues((previous) => ({ ...previous, [field]: value }));
          setFieldErrors((previous) => ({ ...previous, [field]: undefined }));
        }}
      />
      <button
        className="button button--primary button--block"
        type="submit"
        disabled={reset.isPending}
      >
        {reset.isPending ? t('auth.reset.pending') : t('auth.reset.submit')}
      </button>
    </form>
  );
}
