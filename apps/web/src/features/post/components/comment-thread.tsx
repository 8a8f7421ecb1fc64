import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/avatar';
import { FormAlert } from '@/components/form-alert';
import { LoadMoreButton } from '@/components/load-more-button';
import { hrefs } from '@/config/paths';
import { useI18n } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useComments, useCreateComment, useDeleteComment, useEditComment } from '../api/comments';
import type { PostComment } from '../api/types';
import { PlainText } from './plain-text';

interface ThreadProps {
  postId: string;
  /** The signed-in viewer's id; null for anonymous visitors (read only). */
  viewerId: string | null;
}

/** Top-level comments oldest first, each with its replies (one level) and a reply box. */
export function CommentThread({ postId, viewerId }: ThreadProps) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const comments = useComments(postId, null);
  return (
    <section className="comment-thread" aria-labelledby="comments-title">
      <h2 id="comments-title" className="comment-thread__title">
        {t('post.comments.label')}
      </h2>
      {viewerId ? (
        <CommentForm postId={postId} parentId={null} />
      ) : (
        <p className="muted">{t('post.comments.signIn')}</p>
      )}
      {comments.isPending ? (
        <p className="muted" role="status">
          {t('post.feed.loading')}
        </p>
      ) : comments.isError ? (
        <FormAlert>
          {t('post.comments.loadFailed')} {errorMessage(comments.error)}
        </FormAlert>
      ) : (
        <>
          {comments.data.pages[0]?.items.length === 0 ? (
            <p className="muted">{t('post.comments.empty')}</p>
          ) : null}
          <ul className="comment-thread__list">
            {comments.data.pages
              .flatMap((p) => p.items)
              .map((comment) => (
                <li key={comment.id}>
                  <CommentItem comment={comment} postId={postId} viewerId={viewerId} />
                </li>
              ))}
          </ul>
          <LoadMoreButton query={comments} label={t('post.comments.more')} />
        </>
      )}
    </section>
  );
}

function CommentItem({
  comment,
  postId,
  viewerId,
}: {
  comment: PostComment;
  postId: string;
  viewerId: string | null;
}) {
  const { t, formatDateTime } = useI18n();
  const errorMessage = useErrorMessage();
  const [isEditing, setEditing] = useState(false);
  const [isReplying, setReplying] = useState(false);
  const [showReplies, setShowReplies] = useState(comment.replyCount > 0);
  const remove = useDeleteComment(postId);
  const isMine = !!viewerId && comment.author?.id === viewerId && !comment.deletedAt;
  const isTop = comment.parentId === null;

  return (
    <article className={comment.parentId ? 'comment comment--reply' : 'comment'}>
      {comment.deletedAt || !comment.author ? (
        <p className="comment__deleted muted">{t('post.comments.deleted')}</p>
      ) : (
        <>
          <header className="comment__head">
            <Avatar nickname={comment.author.nickname} url={comment.author.avatarUrl} />
            <Link to={hrefs.profile(comment.author.id)}>{comment.author.nickname}</Link>
            <time className="muted" dateTime={comment.createdAt}>
              {formatDateTime(comment.createdAt)}
            </time>
            {comment.editedAt ? <span className="muted">{t('post.comments.edited')}</span> : null}
          </header>
          {isEditing ? (
            <EditForm postId={postId} comment={comment} onDone={() => setEditing(false)} />
          ) : (
            <PlainText className="comment__text" text={comment.content ?? ''} />
          )}
          <div className="comment__actions">
            {viewerId && isTop ? (
              <button
                className="link-button"
                type="button"
                onClick={() => {
                  // The thread stays open with the new reply in it.
                  setShowReplies(true);
                  setReplying((v) => !v);
                }}
              >
                {t('post.comments.reply')}
              </button>
            ) : null}
            {isMine && !isEditing ? (
              <>
                <button className="link-button" type="button" onClick={() => setEditing(true)}>
                  {t('post.comments.edit')}
                </button>
                <button
                  className="link-button"
                  type="button"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t('post.comments.deleteConfirm'))) remove.mutate(comment);
                  }}
                >
                  {t('post.comments.delete')}
                </button>
              </>
            ) : null}
          </div>
          {remove.isError ? <FormAlert>{errorMessage(remove.error)}</FormAlert> : null}
        </>
      )}
      {isTop && comment.replyCount > 0 && !showReplies ? (
        <button className="link-button" type="button" onClick={() => setShowReplies(true)}>
          {t('post.comments.replies', { count: comment.replyCount })}
        </button>
      ) : null}
      {isTop && (showReplies || isReplying) ? (
        <Replies postId={postId} parentId={comment.id} viewerId={viewerId} />
      ) : null}
      {isReplying ? (
        <CommentForm postId={postId} parentId={comment.id} onDone={() => setReplying(false)} />
      ) : null}
    </article>
  );
}

function Replies({
  postId,
  parentId,
  viewerId,
}: {
  postId: string;
  parentId: string;
  viewerId: string | null;
}) {
  const { t } = useI18n();
  const replies = useComments(postId, parentId);
  if (!replies.data) return null;
  return (
    <>
      <ul className="comment__replies">
        {replies.data.pages
          .flatMap((p) => p.items)
          .map((reply) => (
            <li key={reply.id}>
              <CommentItem comment={reply} postId={postId} viewerId={viewerId} />
            </li>
          ))}
      </ul>
      <LoadMoreButton query={replies} label={t('post.comments.more')} />
    </>
  );
}

function CommentForm({
  postId,
  parentId,
  onDone,
}: {
  postId: string;
  parentId: string | null;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const [content, setContent] = useState('');
  const create = useCreateComment(postId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!content.trim()) return;
    create.mutate(
      { content, parentId },
      {
        onSuccess: () => {
          setContent('');
          onDone?.();
        },
      },
    );
  };
  const label = parentId ? t('post.comments.replyPlaceholder') : t('post.comments.placeholder');
  return (
    <form className="comment-form" onSubmit={submit}>
      <textarea
        className="comment-form__input"
        aria-label={label}
        placeholder={label}
        value={content}
        maxLength={2000}
        rows={2}
        onChange={(e) => setContent(e.target.value)}
      />
      <button className="button" type="submit" disabled={create.isPending || !content.trim()}>
        {t('post.comments.submit')}
      </button>
      {create.isError ? <FormAlert>{errorMessage(create.error)}</FormAlert> : null}
    </form>
  );
}

function EditForm({
  postId,
  comment,
  onDone,
}: {
  postId: string;
  comment: PostComment;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const [content, setContent] = useState(comment.content ?? '');
  const edit = useEditComment(postId);
  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        edit.mutate({ commentId: comment.id, content }, { onSuccess: onDone });
      }}
    >
      <textarea
        className="comment-form__input"
        aria-label={t('post.comments.edit')}
        value={content}
        maxLength={2000}
        rows={2}
        onChange={(e) => setContent(e.target.value)}
      />
      <button className="button" type="submit" disabled={edit.isPending || !content.trim()}>
        {t('post.comments.save')}
      </button>
      <button className="button button--ghost" type="button" onClick={onDone}>
        {t('post.comments.cancel')}
      </button>
      {edit.isError ? <FormAlert>{errorMessage(edit.error)}</FormAlert> : null}
    </form>
  );
}
