import { Outlet, useParams } from 'react-router';
import { Page } from '@/components/page';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { ChatHome } from '@/features/chat/components/chat-home';
import { RoomView } from '@/features/chat/components/room-view';
import { ChatEngineProvider } from '@/features/chat/realtime/chat-engine-provider';
import { PresenceBadge } from '@/features/user/components/presence-badge';
import { useLivePresence } from '@/features/user/realtime/use-live-presence';
import { useT } from '@/i18n/i18n-provider';

function useMeId(): string {
  const auth = useAuth();
  // RequireAuth renders chat routes only when signed in.
  return auth.status === 'authenticated' ? auth.user.id : '';
}

/** Keeps one chat engine (timelines, outbox, socket listeners) across the list and the rooms. */
export function ChatLayout() {
  const meId = useMeId();
  return (
    <ChatEngineProvider key={meId} meId={meId}>
      <Outlet />
    </ChatEngineProvider>
  );
}

export function ChatRoute() {
  const t = useT();
  return (
    <Page title={t('chat.title')}>
      <ChatHome meId={useMeId()} />
    </Page>
  );
}

export function ChatRoomRoute() {
  const { roomId = '' } = useParams();
  return <RoomView key={roomId} roomId={roomId} meId={useMeId()} MemberPresence={MemberPresence} />;
}

/** A member's live presence; the server answers only for me and people I follow. */
function MemberPresence({ userId }: { userId: string }) {
  const presence = useLivePresence(userId, null, true);
  return presence ? <PresenceBadge presence={presence} /> : null;
}
