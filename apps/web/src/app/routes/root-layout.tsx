import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { Link, NavLink, Outlet, useLocation, useMatch, useNavigation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { hrefs, paths } from '@/config/paths';
import { EmailVerificationBanner } from '@/features/auth/components/email-verification-banner';
import { LogoutButton } from '@/features/auth/components/logout-button';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { useSessionEvents } from '@/features/auth/realtime/use-session-events';
import { useUnreadTotal } from '@/features/chat/api/get-unread';
import { ChatAttention } from '@/features/chat/realtime/chat-attention';
import { useViewportHeight } from '@/lib/use-viewport-height';
import { useT } from '@/i18n/i18n-provider';
import type { MessageKey } from '@/i18n/translate';

const navItems: { to: string; label: MessageKey }[] = [
  { to: paths.feed, label: 'nav.feed' },
  { to: paths.studies, label: 'nav.studies' },
  { to: paths.chat, label: 'nav.chat' },
  { to: paths.people, label: 'nav.people' },
  { to: paths.notifications, label: 'nav.notifications' },
  { to: paths.search, label: 'nav.search' },
];

/** Moves focus to the new page's heading after client-side navigation (not on first load). */
function useFocusOnNavigate(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const target = main.current?.querySelector<HTMLElement>('h1') ?? main.current;
    target?.focus();
  }, [main, pathname]);
}

export function RootLayout() {
  const t = useT();
  const auth = useAuth();
  const navigation = useNavigation();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const menuId = useId();
  const [isMenuOpen, setIsMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(location.pathname);
  // A chat room fills the screen (the visible part, keyboard included) instead of scrolling.
  const isFilled = useMatch(paths.chatRoom) !== null;
  useFocusOnNavigate(main);
  useSessionEvents();
  useViewportHeight();

  const user = auth.status === 'authenticated' ? auth.user : null;
  const unread = useUnreadTotal(user !== null);
  // Going somewhere closes the menu.
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    setIsMenuOpen(false);
  }

  return (
    <div className={isFilled ? 'shell shell--fill' : 'shell'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {navigation.state === 'loading' ? <div className="progress" aria-hidden="true" /> : null}
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="brand" to={paths.feed}>
            <span className="brand__mark" aria-hidden="true">
              O
            </span>
            {t('app.name')}
          </Link>
          {user ? (
            <Link
              className="site-header__chat"
              to={paths.chat}
              aria-label={
                unread > 0
                  ? `${t('nav.chat')} · ${t('chat.unread', { count: unread })}`
                  : t('nav.chat')
              }
            >
              {t('nav.chat')}
              {unread > 0 ? <UnreadBadge count={unread} /> : null}
            </Link>
          ) : null}
          <button
            className="button button--ghost site-header__menu"
            type="button"
            aria-expanded={isMenuOpen}
            aria-controls={menuId}
            onClick={() => setIsMenuOpen((isOpen) => !isOpen)}
          >
            {t('nav.menu')}
          </button>
          <div
            className={isMenuOpen ? 'site-header__panel is-open' : 'site-header__panel'}
            id={menuId}
          >
            <nav className="site-nav" aria-label={t('nav.label')}>
              <ul className="site-nav__list">
                {navItems.map((item) => (
                  <li key={item.to}>
                    <NavLink className="site-nav__link" to={item.to} end={item.to === paths.feed}>
                      {t(item.label)}
                      {item.to === paths.chat && unread > 0 ? (
                        <UnreadBadge count={unread} label={t('chat.unread', { count: unread })} />
                      ) : null}
                    </NavLink>
                  </li>
                ))}
                {user ? (
                  <li>
                    <NavLink className="site-nav__link" to={hrefs.profile(user.id)}>
                      {t('nav.profile')}
                    </NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
            <div className="site-header__actions">
              <LanguageSwitch />
              {user ? (
                <>
                  <span className="user-chip">{t('nav.user', { nickname: user.nickname })}</span>
                  <NavLink className="site-header__link" to={paths.sessions}>
                    {t('nav.sessions')}
                  </NavLink>
                  <NavLink className="site-header__link" to={paths.account}>
                    {t('nav.account')}
                  </NavLink>
                  <LogoutButton />
                </>
              ) : (
                <>
                  <Link className="button button--ghost" to={paths.login}>
                    {t('nav.login')}
                  </Link>
                  <Link className="button button--primary" to={paths.signup}>
                    {t('nav.signup')}
                  </Link>
                </>
              )}
            </div>
          </div>
        </div>
      </header>
      {user ? <ChatAttention meId={user.id} /> : null}
      <main className="site-main" id="main" ref={main} tabIndex={-1}>
        {location.pathname === paths.verifyEmail ? null : <EmailVerificationBanner />}
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          {t('app.name')} — {t('app.tagline')}
        </p>
      </footer>
    </div>
  );
}

/** The unread total; the link around it says it in words where needed. */
function UnreadBadge({ count, label }: { count: number; label?: string }) {
  const text = count > 99 ? '99+' : String(count);
  return label ? (
    <span className="badge badge--accent nav-badge">
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  ) : (
    <span className="badge badge--accent nav-badge" aria-hidden="true">
      {text}
    </span>
  );
}
