import { createRequire } from 'node:module';
import { requireApi } from './util.mjs';

/**
 * A Socket.IO v5 client speaking the wire protocol over `ws` directly (the protocol is a public
 * contract: DESIGN "Realtime protocol"). It does what the load needs (connect with auth, events,
 * acks with a timeout, ping/pong) with less CPU than socket.io-client, and on a 2-core machine the
 * clients' CPU is taken from the server under test. `--client official` uses socket.io-client.
 */
export class WireSocket {
  static WebSocket = null;

  constructor(url, nsp, { auth, headers }) {
    WireSocket.WebSocket ??= createRequire(
      createRequire(requireApi.resolve('socket.io-client')).resolve('engine.io-client'),
    )('ws');
    const base = url.replace(/^http/, 'ws');
    this.nsp = nsp;
    this.listeners = new Map();
    this.acks = new Map();
    this.ackId = 0;
    this.connected = false;
    this.ws = new WireSocket.WebSocket(`${base}/socket.io/?EIO=4&transport=websocket`, {
      headers,
      perMessageDeflate: false,
    });
    this.ws.on('message', (data) => this.onFrame(data.toString()));
    this.ws.on('error', (err) => {
      if (!this.connected) this.fire('connect_error', err);
    });
    this.ws.on('close', () => {
      const was = this.connected;
      this.connected = false;
      for (const [, a] of this.acks) {
        clearTimeout(a.timer);
        a.cb(new Error('disconnected'));
      }
      this.acks.clear();
      if (was) this.fire('disconnect');
      else this.fire('connect_error', new Error('closed'));
    });
    this.auth = auth;
  }

  on(event, fn) {
    this.listeners.set(event, fn);
    return this;
  }

  once(event, fn) {
    return this.on(event, (...args) => {
      this.listeners.delete(event);
      fn(...args);
    });
  }

  fire(event, ...args) {
    this.listeners.get(event)?.(...args);
  }

  onFrame(s) {
    switch (s.charCodeAt(0)) {
      case 48: // "0" engine open → connect to the namespace
        this.ws.send(`40${this.nsp},${JSON.stringify(this.auth)}`);
        return;
      case 50: // "2" ping
        this.ws.send('3');
        return;
      case 52: // "4" message: a Socket.IO packet
        break;
      default:
        return;
    }
    const type = s.charCodeAt(1);
    const body = s.indexOf(',') + 1; // after "4x/chat,"
    if (type === 50) {
      // "2" event: [name, ...args]
      const [event, ...args] = JSON.parse(s.slice(body));
      this.fire(event, ...args);
    } else if (type === 51) {
      // "3" ack: <id>[...args]
      const open = s.indexOf('[', body);
      const id = Number(s.slice(body, open));
      const a = this.acks.get(id);
      if (!a) return;
      this.acks.delete(id);
      clearTimeout(a.timer);
      a.cb(null, ...JSON.parse(s.slice(open)));
    } else if (type === 48) {
      this.connected = true;
      this.fire('connect');
    } else if (type === 52) {
      this.fire('connect_error', { message: 'refused', data: JSON.parse(s.slice(body)).data });
    } else if (type === 49) {
      this.ws.close();
    }
  }

  /** emit with an ack: cb(err, ...args) as socket.io-client's `socket.timeout(ms).emit(...)`. */
  emitWithAck(timeoutMs, event, payload, cb) {
    const id = this.ackId++;
    const timer = setTimeout(() => {
      this.acks.delete(id);
      cb(new Error('operation has timed out'));
    }, timeoutMs);
    this.acks.set(id, { cb, timer });
    this.ws.send(`42${this.nsp},${id}${JSON.stringify([event, payload])}`);
  }

  close() {
    if (this.ws.readyState === 1) this.ws.send(`41${this.nsp},`);
    this.ws.close();
  }
}
