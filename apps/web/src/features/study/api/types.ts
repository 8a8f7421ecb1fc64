import type { Schemas } from '@/lib/api-types';

export type Study = Schemas['StudyDto'];
export type StudyDetail = Schemas['StudyDetailDto'];
export type StudyMember = Schemas['StudyMemberDto'];
export type StudyPage = Schemas['StudyPageDto'];
export type StudyInput = Schemas['CreateStudyDto'];
export type StudyPatch = Schemas['UpdateStudyDto'];
export type TagSuggestion = Schemas['TagSuggestionDto'];
