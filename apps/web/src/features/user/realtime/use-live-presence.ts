import type { PresenceState } from '@orgo/contracts';
import { useEffect, useState } from 'react';
import { useSocket } from '@/lib/realtime-provider';
import type { PresenceView } from '../components/presence-badge';

/**
 * The user's presence kept live over `/user`: asks once per (re)connect and follows
 * `presence.updated`. The server answers only for myself and people I follow.
 */
export function useLivePresence(
  userId: string,
  initial: PresenceView | null,
  isEnabled: boolean,
): PresenceView | null {
  const socket = useSocket('/user');
  const [live, setLive] = useState<PresenceState | null>(null);

  useEffect(() => {
    if (!isEnabled) return;
    const onUpdate = (state: PresenceState) => {
      if (state.userId === userId) setLive(state);
    };
    const ask = () => {
      socket.emit('presence.get', { userIds: [userId] }, (res) => {
        const state = res.ok ? res.data.find((p) => p.userId === userId) : undefined;
        if (state) setLive(state);
      });
    };
    socket.on('presence.updated', onUpdate);
    socket.on('connect', ask);
    if (socket.connected) ask();
    return () => {
      socket.off('presence.updated', onUpdate);
      socket.off('connect', ask);
    };
  }, [socket, userId, isEnabled]);

  if (!isEnabled) return null;
  if (live?.userId === userId) return { online: live.online, lastActiveAt: live.lastActiveAt };
  return initial;
}
