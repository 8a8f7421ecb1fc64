import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useChangePassword } from '../api/change-password';
import { useAuth } from '../hooks/use-auth';
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

const FIELDS = [
  'currentPassword',
  'newPassword',
  'confirmPassword',
] as const satisfies readonly AuthField[];
const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ChangePasswordForm() {
  const t = useT();
  const auth = useAuth();
  const errorMessage = useErrorMessage();
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const currentPasswordRef = useRef<HTMLInputElement>(null);
  const newPasswordRef = useRef<HTMLInputElement>(null);
  const confirmPasswordRef = useRef<HTMLInputElement>(null);
  const focusFirstError = useFocusFirstError(FIELDS, {
    currentPassword: currentPasswordRef,
    newPassword: newPasswordRef,
    confirmPassword: confirmPasswordRef,
  });

  // Social-only accounts have no current password to type: they create one through a reset link.
  if (auth.status === 'authenticated' && !auth.user.hasPassword) {
    return (
      <div className="stack stack--tight">
        <p>{t('account.changePassword.notSet')}</p>
        <Link className="button" to={paths.forgotPassword}>
          {t('account.changePassword.notSetAction')}
        </Link>
      </div>
    );
  }

  const showErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    focusFirstError(errors);
  };

  const onChange = (field: keyof typeof EMPTY, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setFieldErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {
      currentPassword: values.currentPassword ? undefined : t('auth.validation.passwordRequired'),
      newPassword: validateNewPassword(values.newPassword, t),
      confirmPassword: validatePasswordConfirmation(values.newPassword, values.confirmPassword, t),
    };
    if (hasFieldErrors(errors)) {
      change.reset();
      showErrors(errors);
      return;
    }
    setFieldErrors({});
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => setValues(EMPTY),
        onError: (err) => showErrors(serverFieldErrors(err, FIELDS, t)),
      },
    );
  };

  return (
    <form className="form" noValidate aria-busy={change.isPending} onSubmit={onSubmit}>
      {change.error ? (
        <FormAlert>{isShownOnField(change.error) ? null : errorMessage(change.error)}</FormAlert>
      ) : (
        <FormAlert tone="success">
          {change.isSuccess ? t('account.changePassword.done') : null}
        </FormAlert>
      )}
      <TextField
        ref={currentPasswordRef}
        label={t('auth.fields.currentPassword')}
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        required
        value={values.currentPassword}
        error={fieldErrors.currentPassword}
        onChange={(event) => onChange('currentPassword', event.target.value)}
      />
      <NewPasswordFields
        values={values}
        errors={fieldErrors}
        newPasswordRef={newPasswordRef}
        confirmPasswordRef={confirmPasswordRef}
        onChange={onChange}
      />
      <button className="button button--primary" type="submit" disabled={change.isPending}>
        {change.isPending
          ? t('account.changePassword.pending')
          : t('account.changePassword.submit')}
      </button>
    </form>
  );
}
