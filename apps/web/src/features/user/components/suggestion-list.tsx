import { useState } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/avatar';
import { FormAlert } from '@/components/form-alert';
import { hrefs } from '@/config/paths';
import { useT } from '@/i18n/i18n-provider';
import type { Schemas } from '@/lib/api-types';
import { useErrorMessage } from '@/i18n/use-error-message';
import { useSuggestions } from '../api/get-people';
import { FollowButton } from './follow-button';

type Suggestion = Schemas['SuggestionDto'];

/** A few people to follow, each with why they are suggested and a follow button. */
export function SuggestionList({ titleId }: { titleId: string }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const suggestions = useSuggestions();
  const latest = suggestions.data?.pages.flatMap((page) => page.items) ?? [];
  // The people first suggested stay in place: someone just followed leaves the server's list
  // (it suggests only people I do not follow), but here they stay, shown as followed, so a
  // mistaken tap can be undone and the list does not jump under the finger.
  const [order, setOrder] = useState<readonly string[] | null>(null);
  const [seen, setSeen] = useState<ReadonlyMap<string, Suggestion>>(new Map());
  if (suggestions.data && order === null) setOrder(latest.map((item) => item.id));
  if (latest.some((item) => seen.get(item.id) !== item))
    setSeen(new Map([...seen, ...latest.map((item) => [item.id, item] as const)]));

  if (suggestions.isPending) {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (suggestions.isError) {
    return (
      <div className="stack stack--tight">
        <FormAlert>
          {t('social.listFailed')} {errorMessage(suggestions.error)}
        </FormAlert>
        <button className="button" type="button" onClick={() => void suggestions.refetch()}>
          {t('social.retry')}
        </button>
      </div>
    );
  }
  const items = (order ?? []).flatMap((id) => {
    const current = latest.find((i) => i.id === id);
    if (current) return [current];
    // Gone from the server's list: followed since (the only way out of it from here).
    const earlier = seen.get(id);
    return earlier ? [{ ...earlier, viewer: { ...earlier.viewer, isFollowing: true } }] : [];
  });
  if (items.length === 0) return <p className="muted">{t('people.suggestionsEmpty')}</p>;

  return (
    <ul className="user-list" aria-labelledby={titleId}>
      {items.map((item) => (
        <li className="user-list__item" key={item.id}>
          <Avatar nickname={item.nickname} url={item.avatarUrl} />
          <div className="user-list__body">
            <Link className="user-list__name" to={hrefs.profile(item.id)}>
              {item.nickname}
            </Link>
            <span className="muted user-list__why">
              {t(`people.why.${item.reason}`, { count: item.followedByCount })}
            </span>
          </div>
          <div className="user-list__action">
            <FollowButton user={item} viewer={item.viewer} isSignedIn />
          </div>
        </li>
      ))}
    </ul>
  );
}
