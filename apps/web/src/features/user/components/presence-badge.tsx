import { useI18n } from '@/i18n/i18n-provider';
import { formatRelative } from '@/lib/format-relative';
import { useNow } from '@/lib/use-now';

export interface PresenceView {
  online: boolean;
  lastActiveAt: string | null;
}

/** A dot plus words, so the state never relies on colour alone. */
export function PresenceBadge({ presence }: { presence: PresenceView }) {
  const { t, language } = useI18n();
  const now = useNow();
  if (presence.online) {
    return (
      <span className="presence presence--online">
        <span className="presence__dot" aria-hidden="true" />
        {t('presence.online')}
      </span>
    );
  }
  if (!presence.lastActiveAt) return null;
  return (
    <span className="presence">
      <span className="presence__dot" aria-hidden="true" />
      {t('presence.lastActive', { time: formatRelative(presence.lastActiveAt, now, language) })}
    </span>
  );
}
