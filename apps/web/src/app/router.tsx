import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingScreen } from '@/components/loading-screen';
import { paths } from '@/config/paths';
import { RequireAuth } from './routes/require-auth';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';

export const routes: RouteObject[] = [
  {
    Component: RootLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: LoadingScreen,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./routes/feed')).FeedRoute }),
      },
      {
        path: paths.studies,
        lazy: async () => ({ Component: (await import('./routes/studies')).StudiesRoute }),
      },
      {
        path: paths.study,
        lazy: async () => ({ Component: (await import('./routes/studies')).StudyRoute }),
      },
      {
        path: paths.search,
        lazy: async () => ({ Component: (await import('./routes/search')).SearchRoute }),
      },
      {
        path: paths.profile,
        lazy: async () => ({ Component: (await import('./routes/users/profile')).ProfileRoute }),
      },
      {
        path: paths.followers,
        lazy: async () => ({
          Component: (await import('./routes/users/follow-list')).FollowersRoute,
        }),
      },
      {
        path: paths.following,
        lazy: async () => ({
          Component: (await import('./routes/users/follow-list')).FollowingRoute,
        }),
      },
      {
        path: paths.post,
        lazy: async () => ({ Component: (await import('./routes/posts')).PostRoute }),
      },
      {
        path: paths.login,
        lazy: async () => ({ Component: (await import('./routes/auth/login')).LoginRoute }),
      },
      {
        path: paths.signup,
        lazy: async () => ({ Component: (await import('./routes/auth/signup')).SignupRoute }),
      },
      {
        path: paths.verifyEmail,
        lazy: async () => ({
          Component: (await import('./routes/auth/verify-email')).VerifyEmailRoute,
        }),
      },
      {
        path: paths.forgotPassword,
        lazy: async () => ({
          Component: (await import('./routes/auth/forgot-password')).ForgotPasswordRoute,
        }),
      },
      {
        path: paths.resetPassword,
        lazy: async () => ({
          Component: (await import('./routes/auth/reset-password')).ResetPasswordRoute,
        }),
      },
      {
        path: paths.devOutbox,
        lazy: async () => ({ Component: (await import('./routes/dev/outbox')).DevOutboxRoute }),
      },
      {
        path: paths.oauthCallback,
        lazy: async () => ({
          Component: (await import('./routes/auth/oauth-callback')).OAuthCallbackRoute,
        }),
      },
      {
        Component: RequireAuth,
        children: [
          {
            path: paths.chat,
            lazy: async () => ({ Component: (await import('./routes/chat')).ChatLayout }),
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('./routes/chat')).ChatRoute }),
              },
              {
                path: paths.chatRoom,
                lazy: async () => ({ Component: (await import('./routes/chat')).ChatRoomRoute }),
              },
            ],
          },
          {
            path: paths.studyNew,
            lazy: async () => ({ Component: (await import('./routes/studies')).NewStudyRoute }),
          },
          {
            path: paths.studiesMine,
            lazy: async () => ({ Component: (await import('./routes/studies')).MyStudiesRoute }),
          },
          {
            path: paths.studyEdit,
            lazy: async () => ({ Component: (await import('./routes/studies')).EditStudyRoute }),
          },
          {
            path: paths.postNew,
            lazy: async () => ({ Component: (await import('./routes/posts')).NewPostRoute }),
          },
          {
            path: paths.postEdit,
            lazy: async () => ({ Component: (await import('./routes/posts')).EditPostRoute }),
          },
          {
            path: paths.bookmarks,
            lazy: async () => ({ Component: (await import('./routes/posts')).BookmarksRoute }),
          },
          {
            path: paths.people,
            lazy: async () => ({ Component: (await import('./routes/people')).PeopleRoute }),
          },
          {
            path: paths.notifications,
            lazy: async () => ({
              Component: (await import('./routes/notifications')).NotificationsRoute,
            }),
          },
          {
            path: paths.account,
            lazy: async () => ({
              Component: (await import('./routes/settings/account')).AccountRoute,
            }),
          },
          {
            path: paths.editProfile,
            lazy: async () => ({
              Component: (await import('./routes/settings/profile')).EditProfileRoute,
            }),
          },
          {
            path: paths.blocked,
            lazy: async () => ({
              Component: (await import('./routes/settings/blocked')).BlockedRoute,
            }),
          },
          {
            path: paths.sessions,
            lazy: async () => ({
              Component: (await import('./routes/settings/sessions')).SessionsRoute,
            }),
          },
        ],
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./routes/not-found')).NotFoundRoute }),
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
