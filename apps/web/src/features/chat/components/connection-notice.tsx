import { useT } from '@/i18n/i18n-provider';
import { useIsChatOffline } from '../hooks/use-room-timeline';

/** Said once the socket drops; gone when it is back (and the catch-up has been asked for). */
export function ConnectionNotice() {
  const t = useT();
  const isOffline = useIsChatOffline();
  return (
    <div className={isOffline ? 'notice' : 'alert alert--empty'} role="status">
      {isOffline ? t('chat.connection.offline') : null}
    </div>
  );
}
