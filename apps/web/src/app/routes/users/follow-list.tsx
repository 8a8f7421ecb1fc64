import { Link, useParams } from 'react-router';
import { Page } from '@/components/page';
import { hrefs } from '@/config/paths';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { useProfile } from '@/features/user/api/get-profile';
import { useUserList } from '@/features/user/api/get-user-list';
import type { UserListKind } from '@/features/user/api/user-keys';
import { FollowButton } from '@/features/user/components/follow-button';
import { UserList } from '@/features/user/components/user-list';
import { useT } from '@/i18n/i18n-provider';

function FollowListPage({ kind }: { kind: UserListKind }) {
  const t = useT();
  const { id = '' } = useParams();
  const auth = useAuth();
  const profile = useProfile(id);
  const list = useUserList(id, kind);
  const nickname = profile.data?.nickname ?? '…';
  const title =
    kind === 'followers'
      ? t('social.followersTitle', { nickname })
      : t('social.followingTitle', { nickname });

  return (
    <Page title={title}>
      <p>
        <Link to={hrefs.profile(id)}>{t('social.toProfile', { nickname })}</Link>
      </p>
      <UserList
        query={list}
        label={title}
        emptyText={kind === 'followers' ? t('social.followersEmpty') : t('social.followingEmpty')}
        renderAction={(item) => (
          <FollowButton
            user={item}
            viewer={item.viewer}
            isSignedIn={auth.status === 'authenticated'}
          />
        )}
      />
    </Page>
  );
}

export function FollowersRoute() {
  return <FollowListPage kind="followers" />;
}

export function FollowingRoute() {
  return <FollowListPage kind="following" />;
}
