import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { paths } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useDeleteAccount, type ContentPolicy } from '../api/delete-account';
import { useAuth } from '../hooks/use-auth';
import { isShownOnField, serverFieldErrors, type FieldErrors } from './auth-form-errors';

const POLICIES = [
  {
    value: 'anonymize',
    label: 'account.deleteAccount.policyAnonymize',
    hint: 'account.deleteAccount.policyAnonymizeHint',
  },
  {
    value: 'remove',
    label: 'account.deleteAccount.policyRemove',
    hint: 'account.deleteAccount.policyRemoveHint',
  },
] as const satisfies readonly { value: ContentPolicy; label: string; hint: string }[];

export function DeleteAccountForm() {
  const t = useT();
  const auth = useAuth();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const remove = useDeleteAccount();
  const id = useId();
  const [contentPolicy, setContentPolicy] = useState<ContentPolicy>('anonymize');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isConfirming, setIsConfirming] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const needsPassword = auth.status === 'authenticated' && auth.user.hasPassword;

  // The safe choice gets focus when the confirmation opens.
  useEffect(() => {
    if (isConfirming) cancelRef.current?.focus();
  }, [isConfirming]);

  const showPasswordError = (error: string | undefined) => {
    setFieldErrors({ password: error });
    setIsConfirming(false);
    if (error) requestAnimationFrame(() => passwordRef.current?.focus());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (needsPassword && !password) {
      showPasswordError(t('auth.validation.passwordRequired'));
      return;
    }
    setFieldErrors({});
    remove.reset();
    setIsConfirming(true);
  };

  // Not mutate()'s callbacks: signing out unmounts this form before they would run.
  const onConfirm = async () => {
    try {
      await remove.mutateAsync({ contentPolicy, ...(needsPassword ? { password } : {}) });
    } catch (error) {
      showPasswordError(serverFieldErrors(error, ['password'], t).password);
      return;
    }
    await navigate(paths.feed, { replace: true });
  };

  const formError =
    remove.error && !isShownOnField(remove.error) ? errorMessage(remove.error) : undefined;

  return (
    <form className="form" noValidate aria-busy={remove.isPending} onSubmit={onSubmit}>
      <FormAlert>{formError}</FormAlert>
      <fieldset className="choice-group">
        <legend className="field__label">{t('account.deleteAccount.policyLegend')}</legend>
        {POLICIES.map((policy) => (
          <label key={policy.value} className="choice">
            <input
              type="radio"
              name="contentPolicy"
              value={policy.value}
              checked={contentPolicy === policy.value}
              aria-describedby={`${id}-${policy.value}`}
              onChange={() => setContentPolicy(policy.value)}
            />
            <span>
              {t(policy.label)}
              <span className="field__hint" id={`${id}-${policy.value}`}>
                {t(policy.hint)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {needsPassword ? (
        <TextField
          ref={passwordRef}
          label={t('auth.fields.currentPassword')}
          hint={t('account.deleteAccount.passwordHint')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          error={fieldErrors.password}
          onChange={(event) => {
            setPassword(event.target.value);
            setFieldErrors({});
          }}
        />
      ) : null}
      {isConfirming ? (
        <div
          className="confirm"
          role="alertdialog"
          aria-labelledby={`${id}-confirm-title`}
          aria-describedby={`${id}-confirm-text`}
        >
          <p className="card__title" id={`${id}-confirm-title`}>
            {t('account.deleteAccount.confirmTitle')}
          </p>
          <p id={`${id}-confirm-text`}>{t('account.deleteAccount.confirmText')}</p>
          <div className="row">
            <button
              className="button button--danger"
              type="button"
              disabled={remove.isPending}
              onClick={() => void onConfirm()}
            >
              {remove.isPending
                ? t('account.deleteAccount.pending')
                : t('account.deleteAccount.confirm')}
            </button>
            <button
              ref={cancelRef}
              className="button button--ghost"
              type="button"
              disabled={remove.isPending}
              onClick={() => setIsConfirming(false)}
            >
              {t('account.deleteAccount.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button className="button button--danger" type="submit">
          {t('account.deleteAccount.submit')}
        </button>
      )}
    </form>
  );
}
