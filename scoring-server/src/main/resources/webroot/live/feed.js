// One event's live feed: /ws/live?eventId=…[&since=…][&ticket=…] (api.md, "Results and live
// leaderboards"). It keeps the screen's BoardState exact and itself connected:
// - the first frame is a snapshot, then deltas numbered last + 1; a delta that is not → reconnect
//   without since, for a fresh snapshot (a snapshot may also come again at any time: apply it);
// - when the line drops it reconnects by itself, backing off 1, 2, 4, 8, 15 s (with jitter, so a
//   hall full of screens does not knock all at once), resuming with since = the last applied seq;
// - after a resume it checks the rows against GET …/leaderboard at the same seq: a server that
//   restarted numbers its frames afresh, and a resume across that must end in a snapshot;
// - a refused upgrade says nothing to a browser, so GET …/leaderboard tells why: 403
//   RESULTS_NOT_PUBLISHED → "shown after publication", checked again every 30 s; 404 → not found;
// - every 10 s the same GET refreshes `published` and notices a socket that went silent.

import { BoardState } from './rows.js';

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];
const UNPUBLISHED_RETRY_MS = 30000;
const NOT_FOUND_RETRY_MS = 60000;
const CHECK_EVERY_MS = 10000;

/**
 * States reported to onStatus: connecting, live, reconnecting (with retryAt), unpublished,
 * notFound, stopped.
 */
export class LiveFeed {
  /**
   * @param {object} o
   * @param {number} o.eventId
   * @param {() => string|null} o.token bearer token for a signed-in preview, else null (public)
   * @param {(state: BoardState, changed: object[], kind: string) => void} o.onRows after each frame
   * @param {(status: object) => void} o.onStatus
   * @param {(published: boolean) => void} o.onPublished what REST says about publication
   */
  constructor(o) {
    this.o = o;
    this.state = new BoardState();
    this.ws = null;
    this.attempt = 0;
    this.timer = null;
    this.checkTimer = null;
    this.stopped = true;
    this.generation = 0;
    this.status = { state: 'stopped' };
    this.verify = null;
    this.staleSeq = null;
    this.stats = { connects: 0, snapshots: 0, deltas: 0, resumes: 0, gaps: 0, lastUrl: '' };
    this.onOnline = () => this.retryNow();
  }

  start() {
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    this.connect(false);
    this.checkTimer = setInterval(() => this.check(), CHECK_EVERY_MS);

  }

  stop() {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.timer);
    clearInterval(this.checkTimer);
    window.removeEventListener('online', this.onOnline);
    this.drop();
    this.report({ state: 'stopped' });
  }

  retryNow() {
    if (!this.stopped && !this.ws) {
      clearTimeout(this.timer);
      this.attempt = 0;
      this.connect(this.state.seq !== null);
    }
  }

  report(status) {
    this.status = status;
    this.o.onStatus(status);
  }

  async connect(resume) {
    const generation = ++this.generation;
    clearTimeout(this.timer);
    this.timer = null;
    this.staleSeq = null;
    if (this.status.state !== 'reconnecting' && this.status.state !== 'unpublished' && this.status.state !== 'notFound') {
      this.report({ state: 'connecting' });
    }
    const params = new URLSearchParams({ eventId: String(this.o.eventId) });
    const since = resume && this.state.seq !== null ? this.state.seq : null;
    if (since !== null) {
      params.set('since', String(since));
    }
    const token = this.o.token();
    if (token) {
      const ticket = await this.ticket(token);
      if (generation !== this.generation) {
        return;
      }
      if (ticket) {
        params.set('ticket', ticket);
      }
    }
    const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/live?${params}`;
    this.stats.lastUrl = url.replace(/ticket=[^&]+/, 'ticket=…');
    let ws;
    try {
      ws = new WebSocket(url);
    } catch {
      this.backoff();
      return;
    }
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      if (generation !== this.generation) {
        return;
      }
      opened = true;
      this.attempt = 0;
      this.stats.connects++;
      this.report({ state: 'live' });
      if (since !== null) {
        this.stats.resumes++;
        this.verifyResume(generation);
      } else {
        this.refreshPublished();
      }
    };
    ws.onmessage = (message) => {
      if (generation === this.generation) {
        this.receive(message.data);
      }
    };
    ws.onclose = () => {
      if (generation !== this.generation) {
        return;
      }
      this.ws = null;
      if (this.stopped) {
        return;
      }
      if (opened) {
        this.backoff();
      } else {
        this.diagnose(generation);
      }
    };
  }

  receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!frame || Number(frame.eventId) !== Number(this.o.eventId) || typeof frame.seq !== 'number') {
      return;
    }
    const before = new Map(this.state.rows);
    if (this.state.apply(frame) === 'gap') {
      this.stats.gaps++;
      this.resnapshot();
      return;
    }
    if (frame.type === 'snapshot') {
      this.stats.snapshots++;
      this.verify = null;
    } else {
      this.stats.deltas++;
    }
    this.o.onRows(this.state, frame.type === 'snapshot' ? [...this.state.rows.values()] : frame.rows || [], frame.type, before);
    this.checkResume();
  }

  /** Drops the socket and asks for a fresh snapshot at once. */
  resnapshot() {
    this.drop();
    this.verify = null;
    this.connect(false);
  }

  drop() {
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = null;
      try {
        ws.close(1000, 'resync');
      } catch {
        // already closed
      }
    }
  }

  backoff() {
    if (this.stopped) {
      return;
    }
    const base = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)];
    this.attempt++;
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.report({ state: 'reconnecting', retryAt: Date.now() + delay });
    this.timer = setTimeout(() => this.connect(true), delay);
  }

  /** The upgrade was refused or the server is away: REST says which. */
  async diagnose(generation) {
    const answer = await this.rest();
    if (generation !== this.generation || this.stopped) {
      return;
    }
    if (answer.status === 403 && answer.code === 'RESULTS_NOT_PUBLISHED') {
      this.report({ state: 'unpublished' });
      this.state = new BoardState();
      this.timer = setTimeout(() => this.connect(false), UNPUBLISHED_RETRY_MS);
    } else if (answer.status === 404 || answer.status === 400) {
      this.report({ state: 'notFound' });
      this.timer = setTimeout(() => this.connect(false), NOT_FOUND_RETRY_MS);
    } else {
      this.backoff();
    }
  }

  /** Whether the contest has published these results (frames do not say; REST does). */
  async refreshPublished() {
    const answer = await this.rest();
    if (answer.status === 200 && !this.stopped) {
      this.o.onPublished(answer.body?.published === true);
    }
  }

  /** Right after a resume: the rows must equal REST's at the same seq, else start over from a snapshot. */
  async verifyResume(generation) {
    const answer = await this.rest();
    if (generation !== this.generation || answer.status !== 200 || typeof answer.body?.seq !== 'number') {
      return;
    }
    this.o.onPublished(answer.body.published === true);
    this.verify = { seq: answer.body.seq, rows: answer.body.rows };
    this.checkResume();
  }

  checkResume() {
    if (!this.verify || this.state.seq === null) {
      return;
    }
    if (this.verify.seq < this.state.seq) {
      this.verify = null; // moved on already; the seq REST had is behind us
      return;
    }
    if (this.verify.seq === this.state.seq) {
      const same = this.state.sameAs(this.verify.rows);
      this.verify = null;
      if (!same) {
        this.stats.gaps++;
        this.resnapshot();
      }
    }
  }

  /** Every 10 s: publication, and a socket that stopped hearing frames REST says exist. */
  async check() {
    if (this.stopped || this.status.state !== 'live') {
      return;
    }
    const generation = this.generation;
    const answer = await this.rest();
    if (generation !== this.generation || this.stopped) {
      return;
    }
    if (answer.status === 200 && answer.body) {
      this.o.onPublished(answer.body.published === true);
      // A frame REST already showed a check ago and the socket still has not: it went silent.
      if (this.staleSeq !== null && this.state.seq !== null && this.state.seq < this.staleSeq) {
        this.staleSeq = null;
        this.drop();
        this.backoff();
        return;
      }
      this.staleSeq = this.state.seq !== null && answer.body.seq > this.state.seq ? answer.body.seq : null;
    } else if (answer.status === 0 && this.ws) {
      // REST cannot reach the server: the socket is as dead, even if no close came yet.
      this.drop();
      this.backoff();
    }
  }

  async rest() {
    const headers = { Accept: 'application/json' };
    const token = this.o.token();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    try {
      const response = await fetch(`/api/v1/events/${this.o.eventId}/leaderboard`, { headers, cache: 'no-store' });
      let body = null;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      return { status: response.status, body, code: body?.error?.code ?? null };
    } catch {
      return { status: 0, body: null, code: 'NETWORK' };
    }
  }

  async ticket(token) {
    try {
      const response = await fetch('/api/v1/auth/ws-ticket', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        cache: 'no-store',
      });
      return response.ok ? (await response.json()).ticket : null;
    } catch {
      return null;
    }
  }
}
