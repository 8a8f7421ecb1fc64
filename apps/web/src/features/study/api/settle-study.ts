import type { QueryClient } from '@tanstack/react-query';
import { studyKeys } from './study-keys';
import type { StudyDetail } from './types';

/** A changed study: its detail as answered (or dropped), every list and my studies fetched again. */
export function settleStudy(queryClient: QueryClient, id: string, detail: StudyDetail | null) {
  if (detail) queryClient.setQueryData(studyKeys.detail(id), detail);
  else queryClient.removeQueries({ queryKey: studyKeys.detail(id) });
  void queryClient.invalidateQueries({ queryKey: studyKeys.lists() });
  return queryClient.invalidateQueries({ queryKey: studyKeys.mine() });
}
