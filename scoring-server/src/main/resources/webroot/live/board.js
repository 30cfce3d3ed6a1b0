// One event's big-screen leaderboard: the title (contest and event), provisional/final, the
// connection, and one row per entry — rank and medal, bib, name, unit, a bar per module and the
// total — kept exact by the LiveFeed. Rows move to their new places with a FLIP animation (first
// positions, last positions, invert with a transform, play it back to none), skipped when the viewer
// prefers reduced motion. When the rows do not fit the screen they are shown a page at a time.

import { h, replace } from '/assets/js/dom.js';
import { LiveFeed } from './feed.js';
import { t } from './messages.js';
import { formatScore, isFinal, isUnmarked, moduleScale, share } from './rows.js';

const CONSOLE_SESSION = 'craftmark.console.session';
const MOVE_MS = 700;
const CHANGED_MS = 2600;
const TREND_MS = 6000;
/** At most this many rows on one page of a big screen; more → pages. */
const MAX_ROWS_PER_PAGE = 16;
const PAGE_SECONDS = 10;
const CONTEST_REFRESH_MS = 60000;

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const narrow = window.matchMedia('(max-width: 760px)');

/** The organizer console's session in this tab (the console opens the screen as its child), if any. */
export function consoleToken() {
  try {
    const session = JSON.parse(sessionStorage.getItem(CONSOLE_SESSION) || 'null');
    return session && typeof session.token === 'string' ? session.token : null;
  } catch {
    return null;
  }
}

export class Board {
  /**
   * @param {object} o
   * @param {number} o.eventId
   * @param {boolean} [o.preview] use the console's sign-in for the feed too (organizers before publication)
   * @param {number|null} [o.dwellSeconds] in a kiosk: how long this event stays, so every page gets its turn
   * @param {(board: Board) => void} [o.onReady] the first snapshot or verdict arrived
   * @param {HTMLElement|null} [o.kioskBar] the kiosk's own line for the footer
   */
  constructor(o) {
    this.o = o;
    this.eventId = o.eventId;
    this.event = null;
    this.contest = null;
    this.scheme = null;
    this.published = false;
    this.rowEls = new Map();
    this.lastRanks = new Map();
    this.page = 0;
    this.pages = 1;
    this.ready = false;
    this.timers = [];
    this.build();
    this.feed = new LiveFeed({
      eventId: this.eventId,
      token: () => (o.preview ? consoleToken() : null),
      onRows: (state, changed, kind, before) => this.onRows(state, changed, kind, before),
      onStatus: (status) => this.onStatus(status),
      onPublished: (published) => this.setPublished(published),
    });
  }

  build() {
    this.contestEl = h('p', { class: 'contest-name', id: 'contest-name' });
    this.eventEl = h('h1', { class: 'event-name', id: 'event-name', text: t('event.fallback', { id: this.eventId }) });
    this.metaEl = h('span', { class: 'event-meta', id: 'event-meta' });
    this.finalEl = h('span', { class: 'final-badge', id: 'final-badge', dataset: { final: 'false' }, text: t('board.provisional') });
    this.previewEl = this.o.preview ? h('span', { class: 'preview-badge', text: t('board.preview') }) : null;
    // The visible line counts down to the next attempt every second; screen readers hear only the state.
    this.connText = h('span', { class: 'conn-text', id: 'conn-text', 'aria-hidden': 'true', text: t('conn.connecting') });
    this.connSpoken = h('span', { class: 'visually-hidden', text: t('conn.connecting') });
    this.connEl = h('div', { class: 'conn', id: 'conn', role: 'status', dataset: { state: 'connecting' } },
      h('span', { class: 'dot', 'aria-hidden': 'true' }), this.connText, this.connSpoken);
    this.clockEl = h('time', { class: 'clock', id: 'clock', 'aria-hidden': 'true' });
    this.legendEl = h('div', { class: 'c-mods legend', id: 'module-legend' });
    this.headRow = h('div', { class: 'row head', 'aria-hidden': 'true' },
      h('div', { class: 'c-rank', text: t('col.rank') }),
      h('div', { class: 'c-bib', text: t('col.bib') }),
      this.nameHead = h('div', { class: 'c-name', text: t('col.name') }),
      h('div', { class: 'c-unit', text: t('col.unit') }),
      this.legendEl,
      h('div', { class: 'c-total', text: t('col.total') }));
    this.listEl = h('ol', { class: 'rows', id: 'rows', 'aria-labelledby': 'event-name' });
    this.messageEl = h('div', { class: 'message', id: 'board-message', hidden: true });
    this.scaleEl = h('span', { class: 'scale-note', id: 'scale-note' });
    this.updatedEl = h('span', { class: 'updated', id: 'updated' });
    this.pageEl = h('span', { class: 'page-no', id: 'page-no', hidden: true });
    this.kioskEl = this.o.kioskBar ?? null;
    this.el = h('section', { class: 'board', dataset: { eventId: String(this.eventId) } },
      h('header', { class: 'board-head' },
        h('div', { class: 'brand-mark', 'aria-hidden': 'true', text: '技' }),
        h('div', { class: 'titles' }, this.contestEl, h('div', { class: 'event-line' }, this.eventEl, this.metaEl)),
        h('div', { class: 'head-side' },
          h('div', { class: 'badges' }, this.previewEl, this.finalEl),
          h('div', { class: 'status-line' }, this.connEl, this.clockEl))),
      h('div', { class: 'table' }, this.headRow, this.listEl, this.messageEl),
      h('footer', { class: 'board-foot' }, this.scaleEl, this.pageEl, this.kioskEl, this.updatedEl));
  }

  start() {
    this.tick();
    this.timers.push(setInterval(() => this.tick(), 1000));
    this.timers.push(setInterval(() => this.loadContest(), CONTEST_REFRESH_MS));
    this.onResize = () => this.layout();
    window.addEventListener('resize', this.onResize);
    narrow.addEventListener?.('change', this.onResize);
    this.loadTitles();
    this.feed.start();
  }

  stop() {
    this.feed.stop();
    this.timers.forEach((id) => clearInterval(id));
    this.timers = [];
    clearInterval(this.pageTimer);
    window.removeEventListener('resize', this.onResize);
    narrow.removeEventListener?.('change', this.onResize);
  }

  /** The time of day, and the seconds until the next attempt to reconnect. */
  tick() {
    const now = new Date();
    this.clockEl.textContent = now.toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    const status = this.feed?.status;
    if (status?.state === 'reconnecting') {
      this.connText.textContent = t('conn.reconnecting', { s: Math.max(0, Math.ceil((status.retryAt - Date.now()) / 1000)) });
    }
  }

  async loadTitles() {
    const token = consoleToken();
    let event = await getJson(`/api/v1/events/${this.eventId}`, token);
    if (!event && token) {
      event = await getJson(`/api/v1/events/${this.eventId}`, null);
    }
    if (!event) {
      return;
    }
    this.event = event;
    this.scheme = event.scheme ?? null;
    this.eventEl.textContent = event.occupationName || t('event.fallback', { id: this.eventId });
    this.metaEl.textContent = [event.group && t(`group.${event.group}`), event.mode && t(`mode.${event.mode}`)].filter(Boolean).join(' · ');
    this.nameHead.textContent = t(event.mode === 'TEAM' ? 'col.team' : 'col.name');
    await this.loadContest();
    this.render();
  }

  async loadContest() {
    if (!this.event?.contestId) {
      return;
    }
    const contest = await getJson(`/api/v1/contests/${this.event.contestId}`, null);
    if (!contest) {
      return;
    }
    this.contest = contest;
    const status = contest.status && ['RUNNING', 'PUBLISHED', 'FINAL'].includes(contest.status) ? t(`status.contest.${contest.status}`) : '';
    this.contestEl.textContent = [contest.name, status].filter(Boolean).join(' · ');
    document.title = `${this.eventEl.textContent} · ${contest.name} · ${t('app.title')}`;
  }

  setPublished(published) {
    if (published !== this.published) {
      this.published = published;
      this.render(); // medals stop being provisional: every row is drawn again
      this.renderFinal();
      this.loadContest(); // its status line says so too
    }
  }

  onStatus(status) {
    this.connEl.dataset.state = status.state;
    const texts = {
      connecting: t('conn.connecting'),
      live: t('conn.live'),
      reconnecting: t('conn.reconnecting', { s: Math.max(0, Math.ceil(((status.retryAt ?? Date.now()) - Date.now()) / 1000)) }),
      unpublished: t('conn.waiting'),
      notFound: t('conn.notFound'),
      stopped: '',
    };
    this.connText.textContent = texts[status.state] ?? status.state;
    const spoken = status.state === 'reconnecting' ? t('conn.retrying') : this.connText.textContent;
    if (this.connSpoken.textContent !== spoken) {
      this.connSpoken.textContent = spoken;
    }
    this.el.dataset.state = status.state;
    this.finalEl.hidden = status.state === 'unpublished' || status.state === 'notFound';
    if (status.state === 'unpublished') {
      this.showMessage('unpublished');
      this.markReady();
    } else if (status.state === 'notFound') {
      this.showMessage('notFound');
      this.markReady();
    }
    this.exposeStats();
  }

  showMessage(kind) {
    this.messageMode = kind;
    this.listEl.hidden = kind !== 'empty';
    this.headRow.hidden = kind !== 'empty';
    this.messageEl.hidden = false;
    this.messageEl.dataset.kind = kind;
    if (kind === 'unpublished') {
      replace(this.messageEl,
        h('div', { class: 'message-icon lock', 'aria-hidden': 'true' }),
        h('h2', { id: 'unpublished-title', text: t('unpublished.title') }),
        h('p', { text: t('unpublished.body') }),
        h('p', { class: 'muted', text: t('unpublished.retry') }));
    } else if (kind === 'notFound') {
      replace(this.messageEl,
        h('div', { class: 'message-icon', 'aria-hidden': 'true', text: '?' }),
        h('h2', { text: t('notFound.title') }),
        h('p', { text: t('notFound.body', { id: this.eventId }) }));
    } else {
      replace(this.messageEl, h('p', { class: 'empty', text: t('empty') }));
    }
  }

  hideMessage() {
    this.messageMode = null;
    this.messageEl.hidden = true;
    this.listEl.hidden = false;
    this.headRow.hidden = false;
  }

  onRows(state, changed, kind, before) {
    this.state = state;
    const trends = new Map();
    for (const row of changed) {
      const old = before.get(row.entryId);
      if (old && old.rank && row.rank && old.rank !== row.rank) {
        trends.set(row.entryId, old.rank - row.rank);
      }
    }
    this.changed = kind === 'delta' ? new Set(changed.map((r) => r.entryId)) : new Set();
    this.trends = trends;
    this.updatedEl.textContent = t('updated', { time: new Date().toLocaleTimeString(document.documentElement.lang, { hour12: false }) });
    this.render();
    this.changed = null;
    this.trends = null;
    this.markReady();
    this.exposeStats();
  }

  markReady() {
    if (!this.ready) {
      this.ready = true;
      this.o.onReady?.(this);
    }
  }

  /** For tests and curious operators: what the feed has done, on the board element. */
  exposeStats() {
    const s = this.feed.stats;
    Object.assign(this.el.dataset, {
      seq: String(this.feed.state.seq ?? ''),
      connects: String(s.connects),
      snapshots: String(s.snapshots),
      deltas: String(s.deltas),
      resumes: String(s.resumes),
      gaps: String(s.gaps),
      lastUrl: s.lastUrl,
    });
  }

  renderFinal() {
    const rows = this.state ? [...this.state.rows.values()] : [];
    const final = this.state ? isFinal(this.published, rows) : false;
    this.finalEl.dataset.final = String(final);
    this.finalEl.textContent = t(final ? 'board.final' : 'board.provisional');
    this.el.dataset.final = String(final);
  }

  render() {
    if (!this.state) {
      return;
    }
    const rows = this.state.ordered();
    if (rows.length === 0) {
      this.showMessage('empty');
    } else if (this.messageMode) {
      this.hideMessage();
    }
    const scale = moduleScale(this.scheme, rows);
    this.renderLegend(scale);
    this.renderFinal();
    const first = this.positions();
    const seen = new Set();
    const ordered = rows.map((row) => {
      seen.add(row.entryId);
      let el = this.rowEls.get(row.entryId);
      if (!el) {
        el = h('li', { class: 'row entry fresh' });
        this.rowEls.set(row.entryId, el);
      }
      this.fillRow(el, row, scale);
      return el;
    });
    for (const [entryId, el] of this.rowEls) {
      if (!seen.has(entryId)) {
        el.remove();
        this.rowEls.delete(entryId);
      }
    }
    const moved = ordered.some((el, i) => this.listEl.children[i] !== el) || this.listEl.children.length !== ordered.length;
    if (moved) {
      ordered.forEach((el) => this.listEl.appendChild(el));
    }
    this.layout(false);
    this.flip(first, ordered);
    ordered.forEach((el) => el.classList.remove('fresh'));
  }

  renderLegend(scale) {
    const key = JSON.stringify(scale.modules);
    // Bars share the module column; a deduction-only module needs just room for its number.
    const bars = scale.modules.filter((m) => !m.deduction).length;
    const deductions = scale.modules.length - bars;
    const columns = (unit) => [bars > 0 ? `repeat(${bars}, minmax(0, 1fr))` : '', deductions > 0 ? `repeat(${deductions}, ${unit})` : '']
      .join(' ').trim() || 'minmax(0, 1fr)';
    this.el.style.setProperty('--mod-cols', columns('4.6vw'));
    this.el.style.setProperty('--mod-cols-narrow', columns('58px'));
    this.el.style.setProperty('--mods-w', `${Math.min(40, Math.max(12, bars * 10.6 + deductions * 4.6 + Math.max(0, scale.modules.length - 1)))}vw`);
    this.el.dataset.modules = String(scale.modules.length);
    if (key === this.legendKey) {
      return;
    }
    this.legendKey = key;
    replace(this.legendEl, scale.modules.map((m, i) => h('span', { class: `mod legend-mod m${i % 6}`, dataset: { module: m.code } },
      h('span', { class: 'mod-code', text: m.code }),
      m.fromScheme && !m.deduction ? h('span', { class: 'mod-max', text: `/${formatMax(m.max)}` }) : null)));
    this.scaleEl.textContent = scale.modules.length > 0 ? t(scale.fromScheme ? 'scale.scheme' : 'scale.leader') : '';
  }

  fillRow(el, row, scale) {
    const unmarked = isUnmarked(row);
    const ranked = !unmarked && row.status === 'ACTIVE' && row.rank !== null && row.rank !== undefined;
    // Before publication a medal is what the marks say so far: shown, but marked provisional.
    const provisional = this.published !== true;
    Object.assign(el.dataset, {
      entryId: String(row.entryId),
      bib: String(row.bib ?? ''),
      rank: ranked ? String(row.rank) : '',
      status: row.status,
      prize: row.prize ?? '',
      complete: String(row.complete === true),
      total: String(row.total ?? ''),
      marked: String(!unmarked),
    });
    el.classList.toggle('out', !ranked);
    el.classList.toggle('unmarked', unmarked);
    el.classList.toggle('incomplete', ranked && row.complete !== true);
    const medal = ranked && ['GOLD', 'SILVER', 'BRONZE'].includes(row.prize) ? row.prize : null;
    if (this.trends?.has(row.entryId)) {
      el.trend = { n: this.trends.get(row.entryId), until: Date.now() + TREND_MS };
      clearTimeout(el.trendTimer);
      el.trendTimer = setTimeout(() => {
        el.trend = null;
        el.querySelector('.trend')?.remove();
      }, TREND_MS);
    }
    const trend = el.trend && el.trend.until > Date.now() ? el.trend.n : 0;
    const rankCell = h('div', { class: 'c-rank' },
      ranked
        ? h('span', {
          class: `${medal ? `medal ${medal}${provisional ? ' provisional' : ''}` : 'rank-no'}${row.rank >= 10 ? ' wide' : ''}`,
          title: medal ? t(provisional ? 'prize.provisional' : `prize.${medal}`, { prize: t(`prize.${medal}`) }) : null,
        },
        h('span', { class: 'rank-text', text: row.rank }),
        medal ? h('span', { class: 'visually-hidden', text: ` ${t(provisional ? 'prize.provisional' : `prize.${medal}`, { prize: t(`prize.${medal}`) })}` }) : null)
        : h('span', { class: 'rank-no none', text: '—' }),
      trend ? h('span', { class: `trend ${trend > 0 ? 'up' : 'down'}`, title: t(trend > 0 ? 'row.up' : 'row.down', { n: Math.abs(trend) }) },
        trend > 0 ? '▲' : '▼', String(Math.abs(trend))) : null);
    const tags = [];
    if (ranked && row.prize === 'EXCELLENCE') {
      tags.push(h('span', { class: 'tag excellence', text: t('prize.EXCELLENCE') }));
    }
    if (medal && provisional) {
      tags.push(h('span', { class: 'tag provisional', text: t('prize.provisionalTag') }));
    }
    if (unmarked) {
      tags.push(h('span', { class: 'tag unmarked', text: t('row.unmarked') }));
    } else if (!ranked) {
      tags.push(h('span', { class: `tag status ${row.status}`, text: t(`status.${row.status}`) }));
    } else if (row.complete !== true) {
      tags.push(h('span', { class: 'marking', text: t('row.marking') }));
    }
    const mods = h('div', { class: 'c-mods' }, scale.modules.map((m, i) => moduleCell(m, i, row.modules?.[m.code])));
    replace(el,
      rankCell,
      h('div', { class: 'c-bib', text: row.bib ?? '' }),
      h('div', { class: 'c-name' }, h('span', { class: 'name', text: row.name ?? '' }), tags,
        Array.isArray(row.members) && row.members.length
          ? h('span', { class: 'members', text: row.members.join(t('members.separator')) }) : null),
      h('div', { class: 'c-unit', text: row.unit ?? '' }),
      mods,
      h('div', { class: 'c-total' }, h('span', { class: 'total', text: ranked ? formatScore(row.total) : '—' })));
    if (this.changed?.has(row.entryId)) {
      el.classList.remove('changed');
      void el.offsetWidth; // restart the highlight
      el.classList.add('changed');
      clearTimeout(el.changedTimer);
      el.changedTimer = setTimeout(() => el.classList.remove('changed'), CHANGED_MS);
    }
  }

  /** Where each row is on screen now (mid-animation rows included: the rect has the transform). */
  positions() {
    const tops = new Map();
    for (const el of this.listEl.children) {
      if (!el.classList.contains('off-page')) {
        tops.set(el, el.getBoundingClientRect().top);
      }
    }
    return tops;
  }

  /** First–Last–Invert–Play: each moved row starts where it was and glides to its new place. */
  flip(first, ordered) {
    if (reducedMotion.matches) {
      ordered.forEach((el) => {
        el.style.transition = '';
        el.style.transform = '';
      });
      return;
    }
    const moving = [];
    for (const el of ordered) {
      if (!first.has(el) || el.classList.contains('off-page')) {
        continue;
      }
      const dy = first.get(el) - el.getBoundingClientRect().top;
      if (Math.abs(dy) > 0.5) {
        el.style.transition = 'none';
        el.style.transform = `translateY(${dy}px)`;
        moving.push(el);
      }
    }
    if (moving.length === 0) {
      return;
    }
    this.moves = (this.moves ?? 0) + 1;
    this.el.dataset.moves = String(this.moves);
    void this.listEl.offsetHeight; // commit the inverted positions before playing
    for (const el of moving) {
      el.style.transition = `transform ${MOVE_MS}ms cubic-bezier(.2,.75,.25,1)`;
      el.style.transform = '';
      el.classList.add('moving');
      clearTimeout(el.moveTimer);
      el.moveTimer = setTimeout(() => {
        el.classList.remove('moving');
        el.style.transition = '';
      }, MOVE_MS + 50);
    }
  }

  /**
   * Big screens size rows to fill the height (bigger text for fewer entries) and show a page at a
   * time beyond MAX_ROWS_PER_PAGE; phones just scroll.
   */
  layout(resetPage = true) {
    const rows = [...this.listEl.children];
    if (narrow.matches || rows.length === 0) {
      this.pages = 1;
      this.page = 0;
      rows.forEach((el) => el.classList.remove('off-page'));
      this.listEl.style.removeProperty('--row-h');
      this.updatePaging();
      return;
    }
    const available = Math.max(200, this.listEl.clientHeight);
    this.pages = Math.ceil(rows.length / MAX_ROWS_PER_PAGE);
    const perPage = Math.ceil(rows.length / this.pages);
    const rowHeight = Math.min(available / Math.max(perPage, 8), 104);
    this.listEl.style.setProperty('--row-h', `${Math.floor(rowHeight)}px`);
    if (resetPage || this.page >= this.pages) {
      this.page = Math.min(this.page, this.pages - 1);
    }
    this.perPage = perPage;
    rows.forEach((el, i) => el.classList.toggle('off-page', Math.floor(i / perPage) !== this.page));
    this.updatePaging();
  }

  updatePaging() {
    this.pageEl.hidden = this.pages <= 1;
    this.pageEl.textContent = t('page', { n: this.page + 1, total: this.pages });
    if (this.pages > 1 && !this.pageTimer) {
      const seconds = this.o.dwellSeconds ? Math.max(5, this.o.dwellSeconds / this.pages) : PAGE_SECONDS;
      this.pageTimer = setInterval(() => this.nextPage(), seconds * 1000);
    } else if (this.pages <= 1 && this.pageTimer) {
      clearInterval(this.pageTimer);
      this.pageTimer = null;
    }
  }

  nextPage() {
    this.page = (this.page + 1) % this.pages;
    this.listEl.classList.remove('turning');
    void this.listEl.offsetWidth;
    this.listEl.classList.add('turning');
    this.layout(false);
  }
}

function moduleCell(module, index, value) {
  const has = value !== undefined && value !== null;
  const number = Number(value);
  if (module.deduction) {
    return h('div', { class: `mod deduction m${index % 6}`, dataset: { module: module.code, value: has ? String(value) : '' } },
      h('span', { class: 'mod-code', text: module.code }),
      h('span', { class: `mod-val ${has && number < 0 ? 'minus' : 'zero'}`, text: has ? formatScore(value) : '—' }));
  }
  const width = `${(share(value, module) * 100).toFixed(1)}%`;
  const label = module.fromScheme ? t('module.of', { value: formatScore(value), max: formatMax(module.max) }) : formatScore(value);
  return h('div', { class: `mod m${index % 6}`, dataset: { module: module.code, value: has ? String(value) : '' }, title: `${t('module.label', { code: module.code })}: ${label}` },
    h('span', { class: 'mod-code', text: module.code }),
    h('span', { class: 'track' }, h('span', { class: 'fill', style: `width:${width}` })),
    h('span', { class: 'mod-val', text: has ? formatScore(value) : '—' }));
}

function formatMax(max) {
  return Number.isInteger(max) ? String(max) : String(Math.round(max * 100) / 100);
}

async function getJson(path, token) {
  const headers = { Accept: 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  try {
    const response = await fetch(path, { headers, cache: 'no-store' });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}
