import type { Schemas } from '@/lib/api-types';

export type PostSummary = Schemas['PostSummaryDto'];
export type PostDetail = Schemas['PostDetailDto'];
export type PostPage = Schemas['PostPageDto'];
export type PostImage = Schemas['PostImageDto'];
export type PostComment = Schemas['CommentDto'];
export type CommentPage = Schemas['CommentPageDto'];
export type LikeState = Schemas['LikeStateDto'];
export type PopularPosts = Schemas['PopularPostsDto'];
