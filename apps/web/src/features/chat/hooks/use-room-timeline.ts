import { useEffect, useSyncExternalStore } from 'react';
import { useChatEngine } from '../realtime/chat-engine-provider';
import type { OutboxEntry } from '../store/outbox';
import type { TimelineState } from '../store/room-timeline';

/** The room's merged messages; loads the newest page on first use. */
export function useRoomTimeline(roomId: string): TimelineState {
  const engine = useChatEngine();
  const timeline = engine.timeline(roomId);
  useEffect(() => void timeline.load(), [timeline]);
  return useSyncExternalStore(timeline.subscribe, timeline.getState);
}

export function useOutboxEntries(): readonly OutboxEntry[] {
  const { outbox } = useChatEngine();
  return useSyncExternalStore(outbox.subscribe, outbox.entries);
}

export function useTypingUsers(roomId: string): readonly string[] {
  const engine = useChatEngine();
  return useSyncExternalStore(engine.subscribe, () => engine.typingIn(roomId));
}

export function useIsChatOffline(): boolean {
  const engine = useChatEngine();
  return useSyncExternalStore(engine.subscribe, engine.isOffline);
}
