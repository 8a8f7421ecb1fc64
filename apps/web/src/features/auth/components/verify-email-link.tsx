import { useEffect, useRef } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useVerifyEmailLink } from '../api/verify-email-link';

/** Spends the link token once on mount (the ref survives StrictMode's double effect). */
export function VerifyEmailLink({ token, onVerified }: { token: string; onVerified: () => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const verify = useVerifyEmailLink();
  const { mutate } = verify;
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate(token, { onSuccess: onVerified });
  }, [mutate, onVerified, token]);

  if (verify.isError) return <FormAlert>{errorMessage(verify.error)}</FormAlert>;
  return (
    <p className="muted" role="status">
      {t('auth.verifyEmail.linkChecking')}
    </p>
  );
}
