import { Link, useLocation } from 'react-router';
import { hrefs } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import { useErrorMessage } from '@/i18n/use-error-message';
import type { ViewerState } from '@/lib/api-types';
import { useFollowUser } from '../api/follow-user';
import { useUnfollowUser } from '../api/unfollow-user';

interface FollowButtonProps {
  user: { id: string; nickname: string };
  viewer: ViewerState;
  isSignedIn: boolean;
}

/**
 * A toggle (aria-pressed) with a stable accessible name; the change shows at once and is undone
 * if the server refuses, with the reason read out.
 */
export function FollowButton({ user, viewer, isSignedIn }: FollowButtonProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const follow = useFollowUser();
  const unfollow = useUnfollowUser();

  if (viewer.isSelf || viewer.isBlocked) return null;
  if (!isSignedIn) {
    return (
      <Link className="button button--primary" to={hrefs.login(location.pathname)}>
        {t('social.loginToFollow')}
      </Link>
    );
  }

  const error = follow.error ?? unfollow.error;
  const text = viewer.isFollowing
    ? t('social.following')
    : viewer.followsMe
      ? t('social.followBack')
      : t('social.follow');

  return (
    <span className="follow-button">
      <button
        className={viewer.isFollowing ? 'button button--ghost' : 'button button--primary'}
        type="button"
        aria-pressed={viewer.isFollowing}
        aria-label={t('social.followLabel', { nickname: user.nickname })}
        onClick={() => {
          follow.reset();
          unfollow.reset();
          if (viewer.isFollowing) unfollow.mutate(user.id);
          else follow.mutate(user.id);
        }}
      >
        {text}
      </button>
      {error ? (
        <span className="follow-button__error" role="alert">
          {errorMessage(error)}
        </span>
      ) : null}
    </span>
  );
}
