import { useT } from '@/i18n/i18n-provider';

export function LoadingScreen() {
  const t = useT();
  return (
    <div className="loading-screen" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{t('app.loading')}</span>
    </div>
  );
}
