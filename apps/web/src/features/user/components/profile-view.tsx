import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { hrefs, paths } from '@/config/paths';
import { useI18n } from '@/i18n/i18n-provider';
import type { PublicProfile } from '@/lib/api-types';
import { Avatar } from '@/components/avatar';
import { FollowButton } from './follow-button';
import { PresenceBadge, type PresenceView } from './presence-badge';
import { ProfileActionsMenu } from './profile-actions-menu';
import { safeLinkUrl } from './safe-link';

interface ProfileViewProps {
  profile: PublicProfile;
  /** Live presence when the viewer may see it (themselves or a follower); null hides it. */
  presence: PresenceView | null;
  isSignedIn: boolean;
  onBlocked: () => void;
  /** Where the media feature's avatar uploader goes on my own profile; the plain avatar otherwise. */
  avatarSlot?: ReactNode;
  /** The chat feature's "send a message" button, beside follow on someone else's profile. */
  messageSlot?: ReactNode;
}

export function ProfileView({
  profile,
  presence,
  isSignedIn,
  onBlocked,
  avatarSlot,
  messageSlot,
}: ProfileViewProps) {
  const { t, formatDateTime } = useI18n();
  const { viewer } = profile;

  return (
    <article className="profile card" aria-labelledby="profile-nickname">
      <header className="profile__header">
        {avatarSlot ?? <Avatar nickname={profile.nickname} url={profile.avatarUrl} size="large" />}
        <div className="profile__identity">
          <h2 className="profile__nickname" id="profile-nickname">
            {profile.nickname}
          </h2>
          <p className="profile__meta">
            {presence ? <PresenceBadge presence={presence} /> : null}
            {viewer.followsMe && !viewer.isSelf ? (
              <span className="badge">{t('profile.followsMe')}</span>
            ) : null}
            <span className="muted">
              {t('profile.joinedAt', { date: formatDateTime(profile.createdAt) })}
            </span>
          </p>
        </div>
        <div className="profile__actions">
          {viewer.isSelf ? (
            <>
              <Link className="button button--ghost" to={paths.editProfile}>
                {t('profile.edit')}
              </Link>
              <Link className="button button--ghost" to={paths.blocked}>
                {t('profile.blockedList')}
              </Link>
            </>
          ) : (
            <>
              <FollowButton user={profile} viewer={viewer} isSignedIn={isSignedIn} />
              {isSignedIn ? messageSlot : null}
              {isSignedIn ? (
                <ProfileActionsMenu user={profile} viewer={viewer} onBlocked={onBlocked} />
              ) : null}
            </>
          )}
        </div>
      </header>

      <nav className="profile__counts" aria-label={t('profile.counts')}>
        <Link to={hrefs.followers(profile.id)}>
          {t('profile.followers', { count: profile.counts.followers })}
        </Link>
        <Link to={hrefs.following(profile.id)}>
          {t('profile.following', { count: profile.counts.following })}
        </Link>
      </nav>

      {profile.about ? (
        <p className="profile__about">{profile.about}</p>
      ) : (
        <p className="profile__about muted">{t('profile.noAbout')}</p>
      )}

      {profile.links.length > 0 ? (
        <section aria-label={t('profile.links')}>
          <ul className="profile__links">
            {profile.links.map((link, index) => {
              const href = safeLinkUrl(link.url);
              return (
                <li key={`${index}-${link.url}`}>
                  {href ? (
                    <a href={href} target="_blank" rel="nofollow noopener noreferrer">
                      {link.label}
                    </a>
                  ) : (
                    <span>{link.label}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
