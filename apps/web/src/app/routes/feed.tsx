import { useState } from 'react';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { hrefs, paths } from '@/config/paths';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { useRooms } from '@/features/chat/api/get-rooms';
import { RoomList } from '@/features/chat/components/room-list';
import { HomeFeed } from '@/features/post/components/home-feed';
import { AvatarUploader } from '@/features/user/components/avatar-uploader';
import { SuggestionList } from '@/features/user/components/suggestion-list';
import { useT } from '@/i18n/i18n-provider';
import type { Me } from '@/lib/api-types';
import { isWelcomeDue, markWelcomeDone } from './welcome-step';

/** How many of my rooms the home page lists before "all chats". */
const HOME_ROOMS = 5;

/**
 * The landing page: the feed for everyone (visitors read it too, with a way in); for a member
 * also the first step after sign-up, my latest chats and people to follow.
 */
export function FeedRoute() {
  const auth = useAuth();
  return auth.status === 'authenticated' ? <Home me={auth.user} /> : <Welcome />;
}

function Welcome() {
  const t = useT();
  return (
    <Page title={t('app.name')} description={t('app.tagline')}>
      <div className="stack">
        <div className="row">
          <Link className="button button--primary" to={paths.signup}>
            {t('home.join')}
          </Link>
          <Link className="button button--ghost" to={paths.login}>
            {t('home.haveAccount')}
          </Link>
        </div>
        <HomeFeed />
      </div>
    </Page>
  );
}

function Home({ me }: { me: Me }) {
  const t = useT();
  const [isWelcome, setIsWelcome] = useState(() => isWelcomeDue(me));

  return (
    <Page title={t('home.title')}>
      <div className="stack">
        {isWelcome ? (
          <section className="card stack home-welcome" aria-labelledby="home-welcome-title">
            <div>
              <h2 className="card__title" id="home-welcome-title">
                {t('home.welcome.title')}
              </h2>
              <p className="muted">{t('home.welcome.description', { nickname: me.nickname })}</p>
            </div>
            <ol className="home-welcome__steps">
              <li className="stack stack--tight">
                <h3 className="home-welcome__step">{t('home.welcome.photo')}</h3>
                <AvatarUploader />
              </li>
              <li className="stack stack--tight">
                <h3 className="home-welcome__step" id="home-welcome-people">
                  {t('home.welcome.people')}
                </h3>
                <SuggestionList titleId="home-welcome-people" />
                <Link to={paths.people}>{t('home.morePeople')}</Link>
              </li>
            </ol>
            <div className="row">
              <button
                className="button button--primary"
                type="button"
                onClick={() => {
                  markWelcomeDone(me.id);
                  setIsWelcome(false);
                }}
              >
                {t('home.welcome.done')}
              </button>
            </div>
          </section>
        ) : null}
        <HomeFeed />
        <MyChats />
        {isWelcome ? null : (
          <section className="card stack stack--tight" aria-labelledby="home-people-title">
            <h2 className="card__title" id="home-people-title">
              {t('people.suggestions')}
            </h2>
            <SuggestionList titleId="home-people-title" />
            <Link to={paths.people}>{t('home.morePeople')}</Link>
          </section>
        )}
        <p className="muted">
          <Link to={hrefs.profile(me.id)}>{t('home.myProfile')}</Link>
        </p>
      </div>
    </Page>
  );
}

function MyChats() {
  const t = useT();
  const rooms = useRooms('');
  const items = rooms.data?.pages[0]?.items.slice(0, HOME_ROOMS) ?? [];
  return (
    <section className="card stack stack--tight" aria-labelledby="home-chats-title">
      <h2 className="card__title" id="home-chats-title">
        {t('home.chats')}
      </h2>
      {rooms.isPending ? (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      ) : rooms.isError ? (
        <p className="muted">{t('chat.loadFailed')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('home.noChats')}</p>
      ) : (
        <RoomList rooms={items} label={t('home.chats')} />
      )}
      <Link to={paths.chat}>{t('home.allChats')}</Link>
    </section>
  );
}
