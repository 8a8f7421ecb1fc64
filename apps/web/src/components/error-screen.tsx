import { useT } from '@/i18n/i18n-provider';

export function ErrorScreen() {
  const t = useT();
  return (
    <div className="error-screen" role="alert">
      <h1>{t('errorPage.title')}</h1>
      <p>{t('errorPage.description')}</p>
      <button className="button" type="button" onClick={() => window.location.reload()}>
        {t('errorPage.reload')}
      </button>
    </div>
  );
}
