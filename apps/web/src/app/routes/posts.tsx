import { Link, useNavigate, useParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { Page } from '@/components/page';
import { hrefs, paths } from '@/config/paths';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { usePost } from '@/features/post/api/get-post';
import { PostDetailView } from '@/features/post/components/post-detail';
import { PostEditor } from '@/features/post/components/post-editor';
import { PostFeed } from '@/features/post/components/post-feed';
import { useLivePost } from '@/features/post/realtime/use-live-post';
import { useMe } from '@/features/user/api/get-me';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { isApiError } from '@/lib/api-error';

function NotFound() {
  const t = useT();
  return (
    <Page title={t('post.notFound')} description={t('post.notFoundDescription')}>
      <Link className="button button--ghost" to={paths.feed}>
        {t('notFound.home')}
      </Link>
    </Page>
  );
}

/** A post with its live comment thread; anonymous visitors read it too. */
export function PostRoute() {
  const { postId = '' } = useParams();
  return <PostPage key={postId} postId={postId} />;
}

function PostPage({ postId }: { postId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const auth = useAuth();
  const isSignedIn = auth.status === 'authenticated';
  const me = useMe();
  const post = usePost(postId);
  const live = useLivePost(postId, isSignedIn && post.isSuccess);

  if (post.isPending)
    return (
      <Page title={t('post.feed.loading')}>
        <p className="muted" role="status">
          {t('post.feed.loading')}
        </p>
      </Page>
    );
  if (post.isError) {
    const status = isApiError(post.error) ? post.error.status : 0;
    if (status === 404 || status === 400) return <NotFound />;
    return (
      <Page title={t('post.feed.loadFailed')}>
        <div className="card stack stack--tight">
          <FormAlert>{errorMessage(post.error)}</FormAlert>
          <button className="button" type="button" onClick={() => void post.refetch()}>
            {t('post.feed.retry')}
          </button>
        </div>
      </Page>
    );
  }
  if (live.isDeleted)
    return (
      <Page title={t('post.notFound')} description={t('post.deletedLive')}>
        <Link className="button button--ghost" to={paths.feed}>
          {t('notFound.home')}
        </Link>
      </Page>
    );
  return (
    <Page title={post.data.title}>
      <PostDetailView post={post.data} viewerId={isSignedIn ? (me.data?.id ?? null) : null} />
    </Page>
  );
}

export function NewPostRoute() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Page title={t('post.editor.newTitle')}>
      <PostEditor
        onSaved={(post) => void navigate(hrefs.post(post.id), { replace: true })}
        onCancel={() => void navigate(-1)}
      />
    </Page>
  );
}

export function EditPostRoute() {
  const { postId = '' } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const post = usePost(postId);
  const me = useMe();
  if (post.isPending || me.isPending)
    return (
      <Page title={t('post.editor.editTitle')}>
        <p className="muted" role="status">
          {t('post.feed.loading')}
        </p>
      </Page>
    );
  if (post.isError || post.data.author.id !== me.data?.id) return <NotFound />;
  return (
    <Page title={t('post.editor.editTitle')}>
      <PostEditor
        key={post.data.id}
        post={post.data}
        onSaved={(saved) => void navigate(hrefs.post(saved.id), { replace: true })}
        onCancel={() => void navigate(hrefs.post(post.data.id))}
      />
    </Page>
  );
}

export function BookmarksRoute() {
  const t = useT();
  return (
    <Page title={t('post.bookmarks.title')}>
      <PostFeed
        kind="bookmarks"
        empty={t('post.bookmarks.empty')}
        label={t('post.bookmarks.title')}
      />
    </Page>
  );
}
