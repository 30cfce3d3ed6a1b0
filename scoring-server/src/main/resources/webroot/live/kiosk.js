// Kiosk mode, /live/kiosk?contestId=…[&seconds=20]: the contest's events one after another, each for
// `seconds`, on one screen. The next event's board connects behind the current one and takes over
// once it has its rows (or its "after publication" notice), so the hall never sees an empty screen.
// The list of events is read again every round: events added during the day join the rotation.

import { h, replace } from '/assets/js/dom.js';
import { Board } from './board.js';
import { t } from './messages.js';

const DEFAULT_SECONDS = 20;
const MIN_SECONDS = 5;
const MAX_SECONDS = 600;
/** How long a new board may take to show its rows before it takes over anyway. */
const HANDOVER_WAIT_MS = 3000;
const EMPTY_RETRY_MS = 30000;

export class Kiosk {
  constructor(root, { contestId, seconds, preview }) {
    this.root = root;
    this.contestId = contestId;
    this.seconds = clampSeconds(seconds);
    this.preview = preview;
    this.events = [];
    this.index = -1;
    this.current = null;
    this.timer = null;
  }

  start() {
    this.next();
  }

  async next() {
    clearTimeout(this.timer);
    const events = await loadEvents(this.contestId);
    if (events) {
      this.events = events;
    }
    if (this.events.length === 0) {
      this.showMessage(events === null && !this.contestId ? 'kiosk.noContest' : 'kiosk.noEvents');
      this.timer = setTimeout(() => this.next(), EMPTY_RETRY_MS);
      return;
    }
    const previousId = this.current?.eventId ?? null;
    const position = previousId === null ? 0 : (this.events.findIndex((e) => e.id === previousId) + 1) % this.events.length;
    this.index = position;
    const event = this.events[position];
    if (this.current && this.current.eventId === event.id) {
      this.updateBar(this.current.kioskBar); // a single event: keep its board and its connection
    } else {
      this.switchTo(event);
    }
    this.timer = setTimeout(() => this.next(), this.seconds * 1000);
  }

  switchTo(event) {
    const bar = h('span', { class: 'kiosk-bar', id: 'kiosk-bar' });
    const board = new Board({ eventId: event.id, preview: this.preview, dwellSeconds: this.seconds, kioskBar: bar });
    board.kioskBar = bar;
    this.updateBar(bar);
    const layer = h('div', { class: 'layer incoming', dataset: { eventId: String(event.id) } }, board.el, h('div', { class: 'kiosk-progress', 'aria-hidden': 'true' }, h('span')));
    this.root.appendChild(layer);
    const old = this.current;
    this.current = board;
    board.layer = layer;
    let handedOver = false;
    const handOver = () => {
      if (handedOver) {
        return;
      }
      handedOver = true;
      layer.classList.remove('incoming');
      this.root.querySelectorAll('.message-layer').forEach((el) => el.remove());
      this.runProgress(layer);
      if (old) {
        old.layer.classList.add('outgoing');
        setTimeout(() => {
          old.stop();
          old.layer.remove();
        }, 600);
      }
    };
    board.o.onReady = handOver;
    setTimeout(handOver, old ? HANDOVER_WAIT_MS : 0);
    board.start();
  }

  runProgress(layer) {
    const fill = layer.querySelector('.kiosk-progress span');
    if (!fill || this.events.length < 2) {
      return;
    }
    fill.style.transition = 'none';
    fill.style.width = '0%';
    void fill.offsetWidth;
    fill.style.transition = `width ${this.seconds}s linear`;
    fill.style.width = '100%';
  }

  updateBar(bar) {
    const n = this.index + 1;
    const total = this.events.length;
    const upcoming = this.events[(this.index + 1) % total];
    replace(bar,
      h('span', { class: 'kiosk-pos', text: t('kiosk.position', { n, total }) }),
      total > 1 && upcoming ? h('span', { class: 'kiosk-next', text: t('kiosk.next', { name: upcoming.occupationName ?? `#${upcoming.id}` }) }) : null);
    document.body.dataset.kioskEvent = String(this.events[this.index]?.id ?? '');
  }

  showMessage(key) {
    this.current?.stop();
    this.current = null;
    replace(this.root, h('div', { class: 'layer message-layer' },
      h('div', { class: 'message' }, h('h2', { text: t('help.title') }), h('p', { text: t(key) }))));
  }
}

function clampSeconds(value) {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    return DEFAULT_SECONDS;
  }
  return Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, n));
}

/** The contest's events in id order, or null when they cannot be read now. */
async function loadEvents(contestId) {
  if (!contestId) {
    return null;
  }
  try {
    const response = await fetch(`/api/v1/contests/${encodeURIComponent(contestId)}/events`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) {
      return response.status === 404 ? [] : null;
    }
    const body = await response.json();
    return (Array.isArray(body?.items) ? body.items : []).slice().sort((a, b) => a.id - b.id);
  } catch {
    return null;
  }
}
