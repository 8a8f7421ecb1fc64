import { useParams } from 'react-router';
import { ComingSoon } from '@/components/coming-soon';
import { Page } from '@/components/page';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { AvatarUploader } from '@/features/user/components/avatar-uploader';
import { ProfileCard } from '@/features/user/components/profile-card';
import { useT } from '@/i18n/i18n-provider';

export function ProfileRoute() {
  const t = useT();
  const auth = useAuth();
  const { id } = useParams();
  const isMine = auth.status === 'authenticated' && auth.user.id === id;

  if (!isMine) return <ComingSoon title={t('nav.profile')} description={t('profile.notMine')} />;

  return (
    <Page title={t('nav.profile')} description={t('pages.profile')}>
      <div className="stack">
        <AvatarUploader />
        <ProfileCard />
      </div>
    </Page>
  );
}
