import type { ChatMessage } from '@orgo/contracts';
import type {
  AuthTokens,
  Me,
  PublicProfile,
  Session,
  UserListItem,
  UserPage,
  ViewerState,
} from '@/lib/api-types';

export function buildMe(overrides: Partial<Me> = {}): Me {
  return {
    about: '',
    avatarUrl: null,
    createdAt: '2025-01-02T03:04:05.000Z',
    email: 'jiwoo@example.com',
    emailVerified: true,
    hasPassword: true,
    id: '1',
    links: [],
    nickname: '지우',
    ...overrides,
  };
}

export function buildTokens(overrides: Partial<AuthTokens> = {}): AuthTokens {
  return { accessToken: 'access-1', expiresIn: 900, user: buildMe(), ...overrides };
}

export function buildSession(overrides: Partial<Session> = {}): Session {
  return {
    createdAt: '2025-01-02T03:04:05.000Z',
    current: false,
    id: 's1',
    ip: '127.0.0.1',
    lastUsedAt: '2025-01-02T04:04:05.000Z',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
    ...overrides,
  };
}

export function buildViewer(overrides: Partial<ViewerState> = {}): ViewerState {
  return {
    followsMe: false,
    isBlocked: false,
    isFollowing: false,
    isMuted: false,
    isSelf: false,
    ...overrides,
  };
}

export function buildProfile(
  overrides: Omit<Partial<PublicProfile>, 'viewer'> & { viewer?: Partial<ViewerState> } = {},
): PublicProfile {
  const { viewer, ...rest } = overrides;
  return {
    about: '백엔드를 배우고 있어요.',
    avatarUrl: null,
    counts: { followers: 3, following: 5 },
    createdAt: '2025-01-02T03:04:05.000Z',
    id: 'u2',
    links: [{ label: 'GitHub', url: 'https://github.com/minjun' }],
    nickname: '민준',
    presence: null,
    ...rest,
    viewer: buildViewer(viewer),
  };
}

export function buildListItem(
  overrides: Omit<Partial<UserListItem>, 'viewer'> & { viewer?: Partial<ViewerState> } = {},
): UserListItem {
  const { viewer, ...rest } = overrides;
  return { avatarUrl: null, id: 'u3', nickname: '서연', ...rest, viewer: buildViewer(viewer) };
}

export function buildPage(items: UserListItem[], nextCursor: string | null = null): UserPage {
  return { items, nextCursor };
}

export function buildChatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  const seq = overrides.seq ?? 1;
  return {
    clientMessageId: `client-${seq}`,
    createdAt: '2025-01-02T03:04:05.000Z',
    deletedAt: null,
    editedAt: null,
    id: `message-${seq}`,
    image: null,
    reactions: [],
    replyTo: null,
    roomId: 'room-1',
    sender: { avatarUrl: null, id: '2', nickname: '민준' },
    seq,
    text: `메시지 ${seq}`,
    ...overrides,
  };
}
