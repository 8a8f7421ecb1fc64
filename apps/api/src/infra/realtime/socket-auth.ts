export interface SocketPrincipal {
  userId: string;
  sessionId: string;
  /** When the access token expires (ms since the epoch); the socket is closed then. */
  expiresAt?: number;
}

/** Implemented by the auth module; infra only knows this shape. */
export interface SocketAuthenticator {
  authenticateSocket(token: unknown): Promise<SocketPrincipal>;
}

export const SOCKET_AUTHENTICATOR = Symbol('SOCKET_AUTHENTICATOR');

export interface SocketData {
  principal: SocketPrincipal;
}
