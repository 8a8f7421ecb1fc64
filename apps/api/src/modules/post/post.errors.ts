import { AppError } from '../../infra/http/app-error';

export const PostErrors = {
  // A deleted post, one hidden by a block, or a removed author's post answers like a missing one.
  postNotFound: () => new AppError('POST_NOT_FOUND', 404, 'Post not found.'),
  postNotOwn: () => new AppError('POST_NOT_OWN', 403, 'You can change only your own posts.'),
  commentNotFound: () => new AppError('POST_COMMENT_NOT_FOUND', 404, 'Comment not found.'),
  commentNotOwn: () =>
    new AppError('POST_COMMENT_NOT_OWN', 403, 'You can change only your own comments.'),
  commentDeleted: () =>
    new AppError('POST_COMMENT_DELETED', 409, 'This comment was deleted and cannot be changed.'),
  replyDepth: () =>
    new AppError(
      'POST_REPLY_DEPTH',
      400,
      'Replies go one level deep: reply to a top-level comment.',
    ),
  imageNotFound: () =>
    new AppError(
      'POST_IMAGE_NOT_FOUND',
      404,
      'Image not found. Upload it first (POST /posts/images); each image goes in one post.',
    ),
  userNotFound: () => new AppError('COMMON_NOT_FOUND', 404, 'User not found.'),
  // Content Postgres cannot store (a data exception): the author's input, never a server fault.
  contentInvalid: () =>
    new AppError('COMMON_VALIDATION_FAILED', 400, 'The text cannot be stored as sent.', [
      {
        field: 'content',
        code: 'invalid',
        message: 'content contains characters that cannot be stored',
      },
    ]),
};
