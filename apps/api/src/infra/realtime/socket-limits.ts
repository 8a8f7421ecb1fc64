import type { Ack } from '@orgo/contracts';
import type { Socket } from 'socket.io';

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
      (ack as (res: Ack<never>) => void)({
        ok: false,
        error: { code: 'COMMON_RATE_LIMITED', message: 'Too many events. Slow down.' },
      });
    }
  });
}

/** Disconnects sockets whose unsent outbound data grows past the limit (slow consumers). */
export function outboundBacklog(socket: Socket): number {
  const conn = socket.conn as unknown as {
    writeBuffer?: unknown[];
    transport?: { socket?: { bufferedAmount?: number } };
  };
  const queued = (conn.writeBuffer?.length ?? 0) * 256;
  return queued + (conn.transport?.socket?.bufferedAmount ?? 0);
}
