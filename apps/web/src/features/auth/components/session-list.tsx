import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import type { Session } from '@/lib/api-types';
import { useSessions } from '../api/get-sessions';
import { useLogOutAll } from '../api/log-out-all';
import { useRevokeSession } from '../api/revoke-session';
import { describeUserAgent } from './describe-user-agent';

function byCurrentThenRecent(a: Session, b: Session): number {
  if (a.current !== b.current) return a.current ? -1 : 1;
  return b.lastUsedAt.localeCompare(a.lastUsedAt);
}

export function SessionList() {
  const { t, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const logOutAll = useLogOutAll();
  const [isConfirmingLogoutAll, setIsConfirmingLogoutAll] = useState(false);

  if (sessions.isPending) {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }

  if (sessions.isError) {
    return (
      <div className="card">
        <FormAlert>
          {t('sessions.loadFailed')} {errorMessage(sessions.error)}
        </FormAlert>
        <button className="button" type="button" onClick={() => void sessions.refetch()}>
          {t('sessions.retry')}
        </button>
      </div>
    );
  }

  const sorted = [...sessions.data].sort(byCurrentThenRecent);
  const actionError = revoke.error ?? logOutAll.error;

  return (
    <div className="stack">
      {actionError ? (
        <FormAlert>{errorMessage(actionError)}</FormAlert>
      ) : (
        <FormAlert tone="success">{revoke.isSuccess ? t('sessions.revoked') : null}</FormAlert>
      )}

      {sorted.length === 0 ? (
        <p className="muted">{t('sessions.empty')}</p>
      ) : (
        <ul className="session-list" aria-label={t('sessions.list')}>
          {sorted.map((session) => {
            const device = describeUserAgent(session.userAgent) ?? t('sessions.unknownDevice');
            return (
              <li
                key={session.id}
                className={session.current ? 'session session--current' : 'session'}
                aria-current={session.current ? 'true' : undefined}
              >
                <div className="session__body">
                  <p className="session__device">
                    {device}
                    {session.current ? (
                      <span className="badge badge--accent">{t('sessions.current')}</span>
                    ) : null}
                  </p>
                  <p className="session__meta">
                    {session.ip ? <span>{t('sessions.ip', { ip: session.ip })}</span> : null}
                    <span>
                      {t('sessions.signedInAt', { date: formatDateTime(session.createdAt) })}
                    </span>
                    <span>
                      {t('sessions.lastUsedAt', { date: formatDateTime(session.lastUsedAt) })}
                    </span>
                  </p>
                </div>
                {session.current ? null : (
                  <button
                    className="button button--ghost"
                    type="button"
                    aria-label={t('sessions.revokeLabel', { device })}
                    disabled={revoke.isPending && revoke.variables === session.id}
                    onClick={() => revoke.mutate(session.id)}
                  >
                    {t('sessions.revoke')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <section className="card card--danger" aria-labelledby="logout-all-title">
        <h2 className="card__title" id="logout-all-title">
          {t('sessions.logoutAll')}
        </h2>
        {isConfirmingLogoutAll ? (
          <div className="stack stack--tight">
            <p>{t('sessions.logoutAllConfirm')}</p>
            <div className="row">
              <button
                className="button button--danger"
                type="button"
                disabled={logOutAll.isPending}
                onClick={() => logOutAll.mutate()}
              >
                {t('sessions.logoutAllConfirmButton')}
              </button>
              <button
                className="button button--ghost"
                type="button"
                onClick={() => setIsConfirmingLogoutAll(false)}
              >
                {t('sessions.logoutAllCancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            className="button button--danger"
            type="button"
            onClick={() => setIsConfirmingLogoutAll(true)}
          >
            {t('sessions.logoutAll')}
          </button>
        )}
      </section>
    </div>
  );
}
