import type { StudyFilters } from '../lib/study-search';

export const studyKeys = {
  all: ['study'] as const,
  lists: () => [...studyKeys.all, 'list'] as const,
  list: (filters: StudyFilters) => [...studyKeys.lists(), filters] as const,
  mine: () => [...studyKeys.all, 'mine'] as const,
  detail: (id: string) => [...studyKeys.all, 'detail', id] as const,
  tags: (prefix: string) => [...studyKeys.all, 'tags', prefix] as const,
};
