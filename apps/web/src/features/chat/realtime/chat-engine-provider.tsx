import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { authSession } from '@/lib/auth-session';
import { useSocket } from '@/lib/realtime-provider';
import { chatKeys } from '../api/chat-keys';
import { getMessages } from '../api/get-messages';
import { createChatEngine, type ChatEngine } from '../store/chat-engine';
import { browserStorage, createOutbox, outboxKeyOf } from '../store/outbox';

/** Room list refreshes are coalesced: a burst of messages costs one refetch. */
const ROOM_LIST_REFRESH_MS = 300;

const ChatEngineContext = createContext<ChatEngine | null>(null);

/** One chat engine per signed-in user; remount (key) it when the user changes. */
export function ChatEngineProvider({ meId, children }: { meId: string; children: ReactNode }) {
  const socket = useSocket('/chat');
  const queryClient = useQueryClient();
  const [engine] = useState(() => {
    let refresh: ReturnType<typeof setTimeout> | undefined;
    return createChatEngine({
      socket,
      meId,
      outbox: createOutbox(browserStorage(), outboxKeyOf(meId), () => {
        const auth = authSession.getState();
        return auth.status === 'authenticated' && auth.user.id === meId;
      }),
      fetchPage: (roomId, query) => getMessages(roomId, query),
      onRoomsChanged: () => {
        clearTimeout(refresh);
        refresh = setTimeout(
          () => void queryClient.invalidateQueries({ queryKey: chatKeys.roomLists() }),
          ROOM_LIST_REFRESH_MS,
        );
      },
      onRoomChanged: (roomId) =>
        void queryClient.invalidateQueries({ queryKey: chatKeys.room(roomId) }),
    });
  });

  useEffect(() => engine.start(), [engine]);

  return <ChatEngineContext value={engine}>{children}</ChatEngineContext>;
}

export function useChatEngine(): ChatEngine {
  const engine = useContext(ChatEngineContext);
  if (!engine) throw new Error('useChatEngine must be used inside <ChatEngineProvider>');
  return engine;
}
