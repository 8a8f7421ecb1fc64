import type { Ack } from '@orgo/contracts';
import type { Socket } from 'socket.io';
import { AppError } from '../http/app-error';
import { toProblem } from '../http/problem';
import { ackFailure } from './socket-ack.filter';

export interface InboundLimits {
  perMinute: number;
  perEventPer10s: number;
}

/** Per-socket inbound limiter: over the limit, the event is dropped and its ack answered 429-style. */
export function limitInbound(socket: Socket, limits: InboundLimits): void {
  let minuteStart = Date.now();
  let minuteCount = 0;
  let burstStart = Date.now();
  const burst = new Map<string, number>();
  socket.use((packet, next) => {
    const now = Date.now();
    if (now - minuteStart >= 60_000) {
      minuteStart = now;
      minuteCount = 0;
    }
    if (now - burstStart >= 10_000) {
      burstStart = now;
      burst.clear();
    }
    const event = String(packet[0]);
    const perEvent = (burst.get(event) ?? 0) + 1;
    burst.set(event, perEvent);
    minuteCount++;
    if (minuteCount <= limits.perMinute && perEvent <= limits.perEventPer10s) return next();
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') {
      // Until the window that is over its limit starts again.
      const resetAt = minuteCount > limits.perMinute ? minuteStart + 60_000 : burstStart + 10_000;
      const retryAfterSec = Math.max(1, Math.ceil((resetAt - now) / 1000));
      const refusal = new AppError(
        'COMMON_RATE_LIMITED',
        429,
        'Too many events. Slow down.',
        undefined,
        {
          'Retry-After': String(retryAfterSec),
        },
      );
      (ack as (res: Ack<never>) => void)(ackFailure(toProblem(refusal)));
    }
  });
}

/**
 * Drops a connection now. Engine.IO's own close waits for the write buffer to drain, which a slow
 * consumer never does; the client catches up from the database after reconnecting.
 */
export function forceClose(socket: Socket): void {
  const conn = socket.conn as unknown as {
    writeBuffer: unknown[];
    close: (discard?: boolean) => void;
    transport?: { socket?: { terminate?: () => void } };
  };
  conn.writeBuffer.length = 0;
  conn.close(true);
  conn.transport?.socket?.terminate?.();
}

interface EnginePacket {
  data?: string | ArrayBuffer | Buffer;
}

/** Bytes queued for a connection and not yet taken by the client (engine buffer + WebSocket buffer). */
export function outboundBacklog(socket: Socket): number {
  const conn = socket.conn as unknown as {
    writeBuffer?: EnginePacket[];
    transport?: { socket?: { bufferedAmount?: number } };
  };
  let queued = 0;
  for (const p of conn.writeBuffer ?? []) {
    queued += typeof p.data === 'string' ? p.data.length : (p.data?.byteLength ?? 0);
  }
  return queued + (conn.transport?.socket?.bufferedAmount ?? 0);
}
