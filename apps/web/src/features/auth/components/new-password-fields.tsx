import type { RefObject } from 'react';
import { TextField } from '@/components/text-field';
import { useT } from '@/i18n/i18n-provider';
import type { FieldErrors } from './auth-form-errors';

interface NewPasswordFieldsProps {
  values: { newPassword: string; confirmPassword: string };
  errors: FieldErrors;
  newPasswordRef: RefObject<HTMLInputElement | null>;
  confirmPasswordRef: RefObject<HTMLInputElement | null>;
  onChange: (field: 'newPassword' | 'confirmPassword', value: string) => void;
}

/** New password twice; shared by reset and change password. */
export function NewPasswordFields({
  values,
  errors,
  newPasswordRef,
  confirmPasswordRef,
  onChange,
}: NewPasswordFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField
        ref={newPasswordRef}
        label={t('auth.fields.newPassword')}
        hint={t('auth.fields.passwordHint')}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        required
        value={values.newPassword}
        error={errors.newPassword}
        onChange={(event) => onChange('newPassword', event.target.value)}
      />
      <TextField
        ref={confirmPasswordRef}
        label={t('auth.fields.confirmPassword')}
        type="password"
        name="confirmPassword"
        autoComplete="new-password"
        required
        value={values.confirmPassword}
        error={errors.confirmPassword}
        onChange={(event) => onChange('confirmPassword', event.target.value)}
      />
    </>
  );
}
