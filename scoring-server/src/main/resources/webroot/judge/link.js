// The tablet's connection to /ws/judge (docs/judge-protocol.md). It signs every (re)connection with a
// fresh one-time ticket, says hello, keeps the line alive through hall Wi-Fi with pings, notices a
// silent drop, and reconnects by itself with exponential backoff. Frames go out paced, well under
// the server's 50 frames per second, so resending a long outbox never gets the connection closed.

const TICKET_PATH = '/api/v1/auth/ws-ticket';
const BACKOFF_FIRST_MS = 1000;
const BACKOFF_MAX_MS = 15000;
const PING_EVERY_MS = 15000;
/** Nothing heard for this long (pings are answered) means the line is dead even if no close came. */
const SILENCE_LIMIT_MS = 35000;
/** At most one frame per this many milliseconds: 20 frames/s against the server's limit of 50. */
const FRAME_GAP_MS = 50;

/** Connection states: signedOut, connecting, online, offline (waiting to retry). */
export class JudgeLink {
  /**
   * @param {object} options
   * @param {() => string|null} options.token the bearer token, or null when signed out
   * @param {string} options.deviceId sent in hello
   * @param {(status: {state: string, retryAt: number|null, attempt: number}) => void} options.onStatus
   * @param {() => void} options.onOpen the socket is open and hello is on its way: resend the outbox now
   * @param {(frame: object) => void} options.onFrame every frame from the server except pong
   * @param {(frame: object) => void} options.onSent a frame has just been written to the socket
   * @param {() => void} options.onAuthLost the token was refused (401): sign in again
   * @param {(code: number, reason: string) => void} options.onClosed the socket closed
   */
  constructor(options) {
    this.options = options;
    this.ws = null;
    this.stopped = true;
    this.attempt = 0;
    this.retryTimer = null;
    this.retryAt = null;
    this.pingTimer = null;
    this.lastHeard = 0;
    this.outgoing = [];
    this.pumpTimer = null;
    this.lastSentAt = 0;
    this.state = 'signedOut';
    this.generation = 0;
  }

  /** Starts connecting (and keeps reconnecting) until stop(). */
  start() {
    this.stopped = false;
    if (!this.ws && !this.retryTimer && this.state !== 'connecting') {
      this.connect();
    }
  }

  /** Closes the connection for good (signing out, or the token was refused). */
  stop(state = 'signedOut') {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
    this.dropSocket(1000, 'signed out');
    this.setState(state);
  }

  /** Reconnects now instead of waiting for the backoff (the judge pressed "reconnect", or Wi-Fi is back). */
  retryNow() {
    if (this.stopped || this.ws || !this.retryTimer) {
      return; // connected, or an attempt is under way
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    this.connect();
  }

  /** The line is known to be down (the browser says it is offline): stop waiting for a timeout. */
  lineDown() {
    if (this.ws) {
      this.dropSocket(4000, 'offline');
      this.afterClose(1006, 'offline');
    }
  }

  get online() {
    return this.state === 'online';
  }

  /** Queues a frame for the open socket; false when there is none (the caller resends on the next open). */
  send(frame) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.outgoing.push(frame);
    this.pump();
    return true;
  }

  async connect() {
    const generation = ++this.generation;
    this.retryAt = null;
    // After a drop the tablet stays "offline" while it tries again: no flicker on every attempt.
    this.setState(this.state === 'offline' ? 'offline' : 'connecting');
    const token = this.options.token();
    if (!token) {
      this.stop('signedOut');
      this.options.onAuthLost();
      return;
    }
    let ticket;
    try {
      const response = await fetch(TICKET_PATH, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        cache: 'no-store',
      });
      if (generation !== this.generation) {
        return;
      }
      if (response.status === 401) {
        this.stop('signedOut');
        this.options.onAuthLost();
        return;
      }
      if (!response.ok) {
        throw new Error(`ticket: HTTP ${response.status}`);
      }
      ticket = (await response.json()).ticket;
      if (!ticket) {
        throw new Error('ticket: no ticket in the answer');
      }
    } catch {
      if (generation === this.generation) {
        this.scheduleRetry();
      }
      return;
    }
    if (generation !== this.generation) {
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    let ws;
    try {
      ws = new WebSocket(`${scheme}//${location.host}/ws/judge?ticket=${encodeURIComponent(ticket)}`);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (ws !== this.ws) {
        return;
      }
      this.lastHeard = Date.now();
      this.outgoing = [];
      this.setState('online');
      this.send({ type: 'hello', deviceId: this.options.deviceId });
      this.pingTimer = setInterval(() => this.keepAlive(), PING_EVERY_MS);
      this.options.onOpen();
    };
    ws.onmessage = (message) => {
      if (ws !== this.ws) {
        return;
      }
      this.lastHeard = Date.now();
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch {
        return;
      }
      if (!frame || typeof frame !== 'object' || frame.type === 'pong') {
        return;
      }
      if (frame.type === 'assignments') {
        this.attempt = 0; // a connection that works: the next drop starts the backoff afresh
      }
      this.options.onFrame(frame);
    };
    ws.onerror = () => {
      // a close event always follows
    };
    ws.onclose = (event) => {
      if (ws !== this.ws) {
        return;
      }
      this.dropSocket();
      this.afterClose(event.code, event.reason);
    };
  }

  keepAlive() {
    if (!this.ws) {
      return;
    }
    if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) {
      this.dropSocket(4000, 'silent');
      this.afterClose(1006, 'silent');
      return;
    }
    this.send({ type: 'ping' });
  }

  pump() {
    if (this.pumpTimer || !this.ws) {
      return;
    }
    const wait = this.lastSentAt + FRAME_GAP_MS - Date.now();
    if (wait > 0) {
      this.pumpTimer = setTimeout(() => {
        this.pumpTimer = null;
        this.pump();
      }, wait);
      return;
    }
    const frame = this.outgoing.shift();
    if (!frame) {
      return;
    }
    if (this.ws.readyState !== WebSocket.OPEN) {
      this.outgoing = [];
      return;
    }
    this.ws.send(JSON.stringify(frame));
    this.lastSentAt = Date.now();
    this.options.onSent(frame);
    if (this.outgoing.length) {
      this.pump();
    }
  }

  dropSocket(code, reason) {
    clearInterval(this.pingTimer);
    this.pingTimer = null;
    clearTimeout(this.pumpTimer);
    this.pumpTimer = null;
    this.outgoing = [];
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      if (code !== undefined && ws.readyState <= WebSocket.OPEN) {
        try {
          ws.close(code, reason);
        } catch {
          // already closing
        }
      }
    }
  }

  afterClose(code, reason) {
    this.options.onClosed(code, reason || '');
    if (!this.stopped) {
      this.scheduleRetry();
    }
  }

  scheduleRetry() {
    if (this.stopped) {
      return;
    }
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.attempt);
    const delay = Math.round(base * (0.75 + Math.random() * 0.25));
    this.attempt++;
    clearTimeout(this.retryTimer);
    this.retryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
    this.setState('offline');
  }

  setState(state) {
    this.state = state;
    this.options.onStatus({ state, retryAt: this.retryAt, attempt: this.attempt });
  }
}
