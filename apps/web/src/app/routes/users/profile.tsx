import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { PostFeed } from '@/features/post/components/post-feed';
import { MessageButton } from '@/features/chat/components/message-button';
import { AvatarUploader } from '@/features/user/components/avatar-uploader';
import { useProfile } from '@/features/user/api/get-profile';
import { BlockedNotice } from '@/features/user/components/blocked-notice';
import { ProfileView } from '@/features/user/components/profile-view';
import { useLivePresence } from '@/features/user/realtime/use-live-presence';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import { isApiError } from '@/lib/api-error';

export function ProfileRoute() {
  const { id = '' } = useParams();
  // A new id is a new page: the "just blocked" notice belongs to one user.
  return <UserProfile key={id} id={id} />;
}

function UserProfile({ id }: { id: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const auth = useAuth();
  const profile = useProfile(id);
  const [blocked, setBlocked] = useState<string | null>(null);
  const viewer = profile.data?.viewer;
  const canSeePresence = !!viewer && (viewer.isSelf || viewer.isFollowing) && !blocked;
  const presence = useLivePresence(id, profile.data?.presence ?? null, canSeePresence);

  if (blocked) {
    return (
      <Page title={t('social.blocked', { nickname: blocked })}>
        <BlockedNotice user={{ id, nickname: blocked }} onUnblocked={() => setBlocked(null)} />
      </Page>
    );
  }

  if (profile.isPending) {
    return (
      <Page title={t('nav.profile')}>
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      </Page>
    );
  }

  if (profile.isError) {
    const isMissing =
      isApiError(profile.error) && (profile.error.status === 404 || profile.error.status === 400);
    return isMissing ? (
      <Page title={t('profile.notFound')} description={t('profile.notFoundDescription')}>
        <Link className="button button--ghost" to={paths.feed}>
          {t('notFound.home')}
        </Link>
      </Page>
    ) : (
      <Page title={t('nav.profile')}>
        <div className="card stack stack--tight">
          <FormAlert>
            {t('profile.loadFailed')} {errorMessage(profile.error)}
          </FormAlert>
          <button className="button" type="button" onClick={() => void profile.refetch()}>
            {t('profile.retry')}
          </button>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('profile.title', { nickname: profile.data.nickname })}>
      <div className="stack">
        <ProfileView
          profile={profile.data}
          presence={canSeePresence ? presence : null}
          isSignedIn={auth.status === 'authenticated'}
          onBlocked={() => setBlocked(profile.data.nickname)}
          messageSlot={
            <MessageButton
              userId={id}
              unavailable={
                !profile.data.viewer.isFollowing
                  ? 'notFollowing'
                  : auth.status === 'authenticated' && !auth.user.emailVerified
                    ? 'unverified'
                    : null
              }
            />
          }
        />
        {profile.data.viewer.isSelf ? <AvatarUploader /> : null}
        <section className="stack" aria-labelledby="profile-posts-title">
          <h2 id="profile-posts-title">{t('post.profile.title')}</h2>
          <PostFeed
            kind={{ userId: id }}
            empty={t('post.profile.empty')}
            label={t('post.profile.title')}
          />
        </section>
      </div>
    </Page>
  );
}
