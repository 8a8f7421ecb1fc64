import { useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { useI18n } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { isApiError } from '@/lib/api-error';
import {
  useCancelEmailChange,
  useConfirmEmailChange,
  useRequestEmailChange,
  useSignInMethods,
} from '../api/email-change';
import { useAuth } from '../hooks/use-auth';

/** A provider's name as people know it; unknown ones as sent. */
const PROVIDER_NAMES: Record<string, string> = {
  github: 'GitHub',
  google: 'Google',
  kakao: 'Kakao',
  naver: 'Naver',
};

/** Where the field error of a refused request goes; anything else shows above the form. */
function fieldOf(error: unknown): 'newEmail' | 'password' | null {
  if (!isApiError(error)) return null;
  if (error.code === 'AUTH_PASSWORD_INCORRECT') return 'password';
  if (error.code === 'AUTH_EMAIL_TAKEN') return 'newEmail';
  const field = error.fieldErrors[0]?.field;
  return field === 'newEmail' || field === 'password' ? field : null;
}

/** The account's email and sign-in methods, and the change of email (a code to the new address). */
export function EmailSettings() {
  const { t, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const auth = useAuth();
  const methods = useSignInMethods();
  const request = useRequestEmailChange();
  const confirm = useConfirmEmailChange();
  const cancel = useCancelEmailChange();
  const [isEditing, setIsEditing] = useState(false);
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  if (auth.status !== 'authenticated') return null;
  const me = auth.user;
  const pending = methods.data?.pendingEmailChange ?? null;

  const requestError = request.error;
  const requestField = fieldOf(requestError);
  const fieldMessage = (error: unknown) => {
    const rule = isApiError(error) ? error.fieldErrors[0]?.code : undefined;
    if (rule === 'unchanged') return t('account.email.unchanged');
    if (rule === 'isEmail' || rule === 'maxLength') return t('auth.validation.emailInvalid');
    if (rule === 'isNotEmpty') return t('auth.validation.passwordRequired');
    return errorMessage(error);
  };
  const onRequest = (event: FormEvent) => {
    event.preventDefault();
    confirm.reset();
    request.mutate(
      { newEmail: newEmail.trim(), ...(me.hasPassword ? { password } : {}) },
      {
        onSuccess: () => {
          setPassword('');
          setIsEditing(false);
        },
      },
    );
  };
  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.trim(), {
      onSuccess: () => {
        setCode('');
        setNewEmail('');
        request.reset();
      },
    });
  };

  return (
    <div className="stack">
      <dl className="account-facts">
        <dt>{t('account.email.current')}</dt>
        <dd>
          <span className="account-facts__email">{me.email}</span>{' '}
          <span className={me.emailVerified ? 'badge' : 'badge badge--warning'}>
            {me.emailVerified ? t('account.email.verified') : t('account.email.unverified')}
          </span>
        </dd>
        <dt>{t('account.methods.title')}</dt>
        <dd>
          {methods.isPending ? (
            <span className="muted">{t('app.loading')}</span>
          ) : methods.isError ? (
            <span className="muted">{errorMessage(methods.error)}</span>
          ) : (
            <ul className="account-facts__methods">
              {methods.data.password ? <li>{t('account.methods.password')}</li> : null}
              {methods.data.providers.map((p) => (
                <li key={p.provider}>
                  {t('account.methods.provider', {
                    provider: PROVIDER_NAMES[p.provider] ?? p.provider,
                    date: formatDateTime(p.linkedAt),
                  })}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      <FormAlert tone="success">{confirm.isSuccess ? t('account.email.changed') : null}</FormAlert>

      {pending ? (
        <form className="form" noValidate aria-busy={confirm.isPending} onSubmit={onConfirm}>
          <p role="status">{t('account.email.codeSent', { email: pending.newEmail })}</p>
          <FormAlert>{confirm.error ? errorMessage(confirm.error) : null}</FormAlert>
          <TextField
            label={t('auth.fields.code')}
            hint={t('auth.fields.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <div className="row">
            <button className="button button--primary" type="submit" disabled={confirm.isPending}>
              {confirm.isPending ? t('account.email.confirming') : t('account.email.confirm')}
            </button>
            <button
              className="button button--ghost"
              type="button"
              disabled={cancel.isPending}
              onClick={() => {
                confirm.reset();
                cancel.mutate();
              }}
            >
              {t('account.email.cancel')}
            </button>
          </div>
        </form>
      ) : isEditing ? (
        <form className="form" noValidate aria-busy={request.isPending} onSubmit={onRequest}>
          <p className="muted">{t('account.email.changeHint')}</p>
          <FormAlert>{requestError && !requestField ? errorMessage(requestError) : null}</FormAlert>
          <TextField
            label={t('account.email.new')}
            type="email"
            autoComplete="email"
            maxLength={254}
            required
            value={newEmail}
            error={requestField === 'newEmail' ? fieldMessage(requestError) : undefined}
            onChange={(e) => setNewEmail(e.target.value)}
          />
          {me.hasPassword ? (
            <TextField
              label={t('auth.fields.currentPassword')}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              error={requestField === 'password' ? fieldMessage(requestError) : undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
          ) : null}
          <div className="row">
            <button className="button button--primary" type="submit" disabled={request.isPending}>
              {request.isPending ? t('account.email.sending') : t('account.email.send')}
            </button>
            <button
              className="button button--ghost"
              type="button"
              onClick={() => {
                request.reset();
                setIsEditing(false);
              }}
            >
              {t('account.email.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button className="button" type="button" onClick={() => setIsEditing(true)}>
            {t('account.email.change')}
          </button>
        </div>
      )}
    </div>
  );
}
