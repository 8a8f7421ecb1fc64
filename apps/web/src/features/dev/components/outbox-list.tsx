import { FormAlert } from '@/components/form-alert';
import { useI18n } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { isApiError } from '@/lib/api-error';
import { useOutbox } from '../api/get-outbox';

/** Mail kept by the embedded server instead of sending it; plain text only, never rendered HTML. */
export function OutboxList() {
  const { t, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const outbox = useOutbox();

  if (outbox.isPending) {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (outbox.isError) {
    return (
      <FormAlert>
        {isApiError(outbox.error) && outbox.error.status === 404
          ? t('devOutbox.unavailable')
          : errorMessage(outbox.error)}
      </FormAlert>
    );
  }

  return (
    <div className="stack">
      <div className="row">
        <button
          className="button"
          type="button"
          disabled={outbox.isFetching}
          onClick={() => void outbox.refetch()}
        >
          {t('devOutbox.refresh')}
        </button>
      </div>
      {outbox.data.length === 0 ? (
        <p className="muted">{t('devOutbox.empty')}</p>
      ) : (
        <ul className="outbox" aria-label={t('devOutbox.title')}>
          {outbox.data.map((mail) => (
            <li key={mail.id} className="card outbox__mail">
              <h2 className="card__title">{mail.subject}</h2>
              <p className="session__meta">
                <span>{t('devOutbox.to', { to: mail.to })}</span>
                <span>{t('devOutbox.sentAt', { date: formatDateTime(mail.sentAt) })}</span>
              </p>
              <pre className="outbox__text">{mail.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
