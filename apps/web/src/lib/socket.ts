import type {
  ChatClientEvents,
  ChatServerEvents,
  Namespace,
  StudyClientEvents,
  StudyServerEvents,
  PostClientEvents,
  PostServerEvents,
  UserClientEvents,
  UserServerEvents,
} from '@orgo/contracts';
import { Manager, type Socket } from 'socket.io-client';
import type { RefreshResult } from './api-client';

interface NamespaceEvents {
  '/chat': Socket<ChatServerEvents, ChatClientEvents>;
  '/post': Socket<PostServerEvents, PostClientEvents>;
  '/user': Socket<UserServerEvents, UserClientEvents>;
  '/study': Socket<StudyServerEvents, StudyClientEvents>;
}

export type NamespaceSocket<N extends Namespace> = N extends keyof NamespaceEvents
  ? NamespaceEvents[N]
  : Socket;

export interface SocketManagerOptions {
  /** Origin of the API; the SPA is served from it, so this is `location.origin`. */
  url: string;
  getAccessToken: () => string | null;
  refreshSession: () => Promise<RefreshResult>;
  /** A socket connected again after a drop: events may have been missed. */
  onReconnect?: () => void;
}

export interface SocketManager {
  socket<N extends Namespace>(namespace: N): NamespaceSocket<N>;
  /** Start (or resume) every namespace socket requested so far and any requested later. */
  connect(): void;
  /** Send the new access token: the server checks it only in the handshake. */
  reauthenticate(): void;
  disconnect(): void;
  manager: Manager;
}

function errorCode(error: Error): string | undefined {
  const data = (error as Error & { data?: { code?: unknown } }).data;
  return typeof data?.code === 'string' ? data.code : undefined;
}

function retryAfterMs(error: Error): number {
  const data = (error as Error & { data?: { retryAfterSec?: unknown } }).data;
  const sec = typeof data?.retryAfterSec === 'number' ? data.retryAfterSec : 5;
  // Spread over a second so that a crowd refused together does not come back together.
  return Math.min(sec, 120) * 1000 + Math.random() * 1000;
}

/** One Manager (one WebSocket per tab) multiplexing a socket per namespace. */
export function createSocketManager(options: SocketManagerOptions): SocketManager {
  const manager = new Manager(options.url, {
    autoConnect: false,
    path: '/socket.io',
    reconnectionDelayMax: 10_000,
    transports: ['websocket'],
  });
  const sockets = new Map<Namespace, Socket>();
  let isEnabled = false;

  const wire = (socket: Socket) => {
    let hasConnected = false;
    let hasRetriedAuth = false;

    socket.on('connect', () => {
      if (hasConnected) options.onReconnect?.();
      hasConnected = true;
      hasRetriedAuth = false;
    });

    // Too many handshakes (a reconnect storm): the server says when to come back.
    socket.on('connect_error', (error) => {
      if (!isEnabled || errorCode(error) !== 'COMMON_RATE_LIMITED') return;
      setTimeout(() => {
        if (isEnabled && !socket.active) socket.connect();
      }, retryAfterMs(error));
    });

    // The server rejects an expired token in the handshake: refresh once, then try again.
    socket.on('connect_error', (error) => {
      if (!isEnabled || hasRetriedAuth || errorCode(error) !== 'AUTH_TOKEN_INVALID') return;
      hasRetriedAuth = true;
      void options.refreshSession().then((result) => {
        if (result === 'refreshed' && isEnabled && !socket.active) socket.connect();
      });
    });

    // The server cut us off (access token expired — announced by `connection.closing` with
    // AUTH_TOKEN_EXPIRED —, revoked session, slow consumer): a refresh gets a new token or tells
    // that the session is gone; a rejected refresh has already logged out.
    socket.on('disconnect', (reason) => {
      if (!isEnabled || reason !== 'io server disconnect') return;
      void options.refreshSession().then((result) => {
        if (result !== 'rejected' && isEnabled && !socket.active) socket.connect();
      });
    });
  };

  const socket = <N extends Namespace>(namespace: N): NamespaceSocket<N> => {
    let existing = sockets.get(namespace);
    if (!existing) {
      existing = manager.socket(namespace, {
        auth: (cb) => cb({ token: options.getAccessToken() }),
      });
      wire(existing);
      sockets.set(namespace, existing);
      if (isEnabled) existing.connect();
    }
    return existing as NamespaceSocket<N>;
  };

  // A dead WebSocket can look open for a while after the network goes (engine.io watches
  // `offline` only off localhost): drop it now, so the reconnect and the catch-up start once back.
  const onOffline = () => manager.engine?.close();

  return {
    manager,
    socket,
    connect: () => {
      if (!isEnabled) window.addEventListener('offline', onOffline);
      isEnabled = true;
      sockets.forEach((s) => {
        if (!s.active) s.connect();
      });
    },
    reauthenticate: () => {
      if (!isEnabled) return;
      sockets.forEach((s) => s.disconnect().connect());
    },
    disconnect: () => {
      window.removeEventListener('offline', onOffline);
      isEnabled = false;
      sockets.forEach((s) => s.disconnect());
    },
  };
}
