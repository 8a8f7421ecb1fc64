/** Route patterns and href builders; pages and links never spell a path by hand. */
export const paths = {
  account: '/settings/account',
  blocked: '/settings/blocked',
  bookmarks: '/bookmarks',
  chat: '/chat',
  chatRoom: '/chat/:roomId',
  devOutbox: '/dev/outbox',
  editProfile: '/settings/profile',
  feed: '/',
  followers: '/users/:id/followers',
  following: '/users/:id/following',
  forgotPassword: '/forgot-password',
  login: '/login',
  notifications: '/notifications',
  oauthCallback: '/auth/callback',
  post: '/posts/:postId',
  postEdit: '/posts/:postId/edit',
  postNew: '/posts/new',
  people: '/people',
  profile: '/users/:id',
  resetPassword: '/reset-password',
  search: '/search',
  sessions: '/settings/sessions',
  signup: '/signup',
  studies: '/studies',
  study: '/studies/:studyId',
  studyEdit: '/studies/:studyId/edit',
  studyNew: '/studies/new',
  studiesMine: '/studies/mine',
  verifyEmail: '/verify-email',
} as const;

export const hrefs = {
  chatRoom: (roomId: string) => `/chat/${encodeURIComponent(roomId)}`,
  followers: (id: string) => `/users/${encodeURIComponent(id)}/followers`,
  following: (id: string) => `/users/${encodeURIComponent(id)}/following`,
  login: (next?: string) =>
    next && next !== paths.feed ? `${paths.login}?${new URLSearchParams({ next })}` : paths.login,
  post: (postId: string) => `/posts/${encodeURIComponent(postId)}`,
  postEdit: (postId: string) => `/posts/${encodeURIComponent(postId)}/edit`,
  profile: (id: string) => `/users/${encodeURIComponent(id)}`,
  study: (id: string) => `/studies/${encodeURIComponent(id)}`,
  studyEdit: (id: string) => `/studies/${encodeURIComponent(id)}/edit`,
  signup: (next?: string) =>
    next && next !== paths.feed ? `${paths.signup}?${new URLSearchParams({ next })}` : paths.signup,
};

/** Only same-origin app paths: `//evil.example` or `/\evil` would leave the site. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return paths.feed;
  }
  return next;
}
