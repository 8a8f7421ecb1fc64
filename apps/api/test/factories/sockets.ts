import type { Socket } from 'socket.io-client';
import { ApiClient, connected, nextEvent } from '../support/client';
import { ApiTarget, baseUrlOf, TestUser } from './users';

export interface SocketOptions {
  /** Another instance to connect to, with the same token (from a new client address). */
  on?: ApiTarget;
  /** The token to present: the client's own by default; `null` for none. */
  token?: string | null;
  /** The address the socket comes from (X-Forwarded-For): the client's own by default. */
  ip?: string;
  origin?: string;
  query?: Record<string, string>;
  /** Collects the socket, for the spec to disconnect after each test. */
  track?: Socket[];
}

/** A socket of a user (or a bare client) to `namespace`, not yet connected. */
export function openSocket(
  who: TestUser | ApiClient,
  namespace: string,
  opts: SocketOptions = {},
): Socket {
  const own = who instanceof ApiClient ? who : who.api;
  let client = own;
  if (opts.on) {
    client = new ApiClient(baseUrlOf(opts.on));
    client.accessToken = own.accessToken;
  }
  const { on: _on, track, ...socketOpts } = opts;
  const socket = client.socket(namespace, socketOpts);
  track?.push(socket);
  return socket;
}

/** `openSocket`, resolved once the server has accepted the connection. */
export async function connectSocket(
  who: TestUser | ApiClient,
  namespace: string,
  opts: SocketOptions = {},
): Promise<Socket> {
  const socket = openSocket(who, namespace, opts);
  await connected(socket);
  return socket;
}

/** Connects to `/chat` and resolves once the server has subscribed the socket to its rooms. */
export async function connectChat(
  user: TestUser,
  opts: SocketOptions = {},
): Promise<{ socket: Socket; roomIds: string[] }> {
  const socket = openSocket(user, '/chat', opts);
  const joined = nextEvent<{ roomIds: string[] }>(socket, 'rooms.joined');
  await connected(socket);
  const { roomIds } = await joined;
  return { socket, roomIds };
}
