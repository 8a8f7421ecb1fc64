import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSocket } from '@/lib/realtime-provider';
import { studyKeys } from '../api/study-keys';

/**
 * Watches a study on `/study` while it is shown: a member joining or leaving, a new leader or a
 * deletion refetches its detail (count, status and members), on every (re)connect too.
 */
export function useLiveStudy(studyId: string, isEnabled: boolean): void {
  const socket = useSocket('/study');
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!isEnabled) return;
    const refresh = (e: { studyId: string }) => {
      if (e.studyId !== studyId) return;
      void queryClient.invalidateQueries({ queryKey: studyKeys.detail(studyId) });
      void queryClient.invalidateQueries({ queryKey: studyKeys.lists() });
    };
    const watch = () => socket.emit('study.watch', { studyId }, () => undefined);
    socket.on('member.joined', refresh);
    socket.on('member.left', refresh);
    socket.on('study.updated', refresh);
    socket.on('study.deleted', refresh);
    socket.on('connect', watch);
    if (socket.connected) watch();
    return () => {
      socket.off('member.joined', refresh);
      socket.off('member.left', refresh);
      socket.off('study.updated', refresh);
      socket.off('study.deleted', refresh);
      socket.off('connect', watch);
      if (socket.connected) socket.emit('study.unwatch', { studyId }, () => undefined);
    };
  }, [socket, queryClient, studyId, isEnabled]);
}
