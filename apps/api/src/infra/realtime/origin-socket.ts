import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The socket whose event is being handled, for the length of the handler: a relay can leave it
 * out of a broadcast whose content the handler's ack already carries.
 */
const origin = new AsyncLocalStorage<string>();

export function withOriginSocket<T>(socketId: string, handle: () => T): T {
  return origin.run(socketId, handle);
}

/** The socket id set by the handler this call runs under, if any (not for REST requests). */
export function originSocketId(): string | undefined {
  return origin.getStore();
}
