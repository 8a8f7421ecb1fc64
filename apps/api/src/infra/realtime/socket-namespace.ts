import type { Ack } from '@orgo/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { SocketData } from './socket-auth';

/** socket.io's constraint on an event map (its package does not export it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- interfaces satisfy only `any`
type EventsMap = { [event: string]: any };

/** A socket of one of our namespaces: its event maps both ways, its principal in `data`. */
export type AppSocket<In extends EventsMap, Out extends EventsMap> = Socket<
  In,
  Out,
  Record<string, never>,
  SocketData
>;

/** One of our namespaces, with the event maps of its sockets. */
export type AppNamespace<In extends EventsMap, Out extends EventsMap> = Namespace<
  In,
  Out,
  Record<string, never>,
  SocketData
>;

/**
 * Lets through only the events the namespace handles (`inbound`); any other one is answered
 * through its ack with `REALTIME_EVENT_UNKNOWN` (and dropped when it has no ack). Call it when the
 * socket connects.
 */
export function refuseUnknownEvents(socket: Socket, inbound: ReadonlySet<string>): void {
  socket.use(([event, ...args], next) => {
    if (inbound.has(String(event))) return next();
    const ack = args[args.length - 1];
    if (typeof ack === 'function')
      (ack as (res: Ack<never>) => void)({
        ok: false,
        error: { code: 'REALTIME_EVENT_UNKNOWN', message: `Unknown event "${String(event)}".` },
      });
  });
}

/**
 * Puts the socket in a resource's room (a post, a study, a chat room) once `check` passes; a
 * refusal is thrown (the ack answers it) and the room is not joined. With `recheck`, the check
 * runs again after the join and a refusal then takes the socket out again: access lost while
 * joining (its leave applied before this join) cannot leave the socket in the room.
 * Answers `ref`, the resource the client named.
 */
export async function watchRoom<Ref>(
  socket: Socket,
  room: string,
  ref: Ref,
  check: () => Promise<unknown>,
  opts: { recheck?: boolean } = {},
): Promise<Ack<Ref>> {
  await check();
  await socket.join(room);
  if (opts.recheck) {
    try {
      await check();
    } catch (err) {
      await socket.leave(room);
      throw err;
    }
  }
  return { ok: true, data: ref };
}

/** Takes the socket out of a resource's room (whether or not it was in); answers `ref`. */
export async function unwatchRoom<Ref>(socket: Socket, room: string, ref: Ref): Promise<Ack<Ref>> {
  await socket.leave(room);
  return { ok: true, data: ref };
}
