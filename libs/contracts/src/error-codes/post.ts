/** Error codes of posts, their images, comments, likes and bookmarks. */
export const PostErrorCodes = [
  'POST_COMMENT_DELETED',
  'POST_COMMENT_NOT_FOUND',
  'POST_COMMENT_NOT_OWN',
  'POST_IMAGE_NOT_FOUND',
  'POST_NOT_FOUND',
  'POST_NOT_OWN',
  'POST_REPLY_DEPTH',
] as const;
