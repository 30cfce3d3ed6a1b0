// One event, live (#/events/{id}/live): where marking stands, for the organizer and the chief judge.
// - a heat map of judges × criteria: marks in and missing (GET /api/v1/events/{id}/progress),
//   with each criterion's entries complete below it;
// - the open WSS discrepancies, the recheck (复核) and whether the event is locked (same answer);
// - each judge's leniency: mean deviation from the panel, outliers highlighted (GET …/leniency);
// - a link to the event's big screen (/live/{id}).
// It refreshes every few seconds, and at once when /ws/live says the leaderboard moved. It stops by
// itself when the organizer leaves the page.

import { h, replace } from '/assets/js/dom.js';
import { bindText, lang } from '/assets/js/i18n.js';
import { formatTime } from '/assets/js/format.js';
import { notices } from '../ui.js';

const REFRESH_MS = 5000;
/** After a leaderboard frame, wait this long (more marks tend to follow) before reading again. */
const FRAME_DEBOUNCE_MS = 400;
const SOCKET_BACKOFF_MS = [1000, 2000, 5000, 10000, 20000];

export function liveView(ctx) {
  const eventId = ctx.params[0];
  const pageBox = notices('live-notices');
  const heading = h('h1', { id: 'live-title', i18n: ['live.title', { name: `#${eventId}` }] });
  const crumbContest = h('li', {});
  const crumbEvent = h('li', {}, h('a', { href: `#/events/${eventId}`, text: `#${eventId}` }));
  const stampText = h('span', { class: 'live-stamp-text', i18n: 'common.loading' });
  const stamp = h('span', { class: 'live-stamp', id: 'live-stamp', role: 'status', dataset: { state: 'loading' } },
    h('span', { class: 'live-dot', 'aria-hidden': 'true' }), stampText);
  const screenLink = h('a', { class: 'btn primary', id: 'big-screen-link', href: `/live/${eventId}`, target: '_blank', rel: 'opener' },
    h('span', { i18n: 'live.bigScreen' }), h('span', { 'aria-hidden': 'true', text: ' ↗' }));
  const previewLink = h('a', { class: 'btn', id: 'big-screen-preview', href: `/live/${eventId}?preview=1`, target: '_blank', rel: 'opener', hidden: true },
    h('span', { i18n: 'live.bigScreenPreview' }), h('span', { 'aria-hidden': 'true', text: ' ↗' }));
  const summaryHolder = h('div', { class: 'live-summary', id: 'live-summary' });
  const heatHolder = h('div', { id: 'heatmap-holder' }, h('p', { class: 'loading', i18n: 'common.loading' }));
  const discrepancyHolder = h('div', { id: 'discrepancies' });
  const recheckHolder = h('div', { id: 'recheck' });
  const leniencyHolder = h('div', { id: 'leniency' }, h('p', { class: 'loading', i18n: 'common.loading' }));

  let event = null;
  let stopped = false;
  let timer = null;
  let frameTimer = null;
  let socket = null;
  let socketAttempt = 0;
  let socketTimer = null;
  let loading = false;
  const shown = { progress: null, leniency: null };

  function criterionName(code) {
    return event?.scheme?.criteria?.find((c) => c.code === code)?.name ?? '';
  }

  function screenHref(base) {
    const params = new URLSearchParams(base.includes('?') ? base.slice(base.indexOf('?') + 1) : '');
    if (lang() === 'en') {
      params.set('lang', 'en');
    }
    const path = base.split('?')[0];
    return params.toString() ? `${path}?${params}` : path;
  }

  function renderSummary(progress) {
    // The server counts what the scheme requires (entries × criteria × required judges), not seats.
    const marksIn = progress.marks?.in ?? 0;
    const total = progress.marks?.expected ?? 0;
    const marksMissing = progress.marks?.missing ?? 0;
    const percent = progress.marks?.percent ?? 0;
    const discrepancies = (progress.discrepancies ?? []).length;
    const recheck = progress.recheck;
    const recheckKey = !recheck ? 'live.recheckNone' : recheck.finished ? 'live.recheckFinished' : 'live.recheckOpen';
    replace(summaryHolder,
      stat('live-stat-lock', 'live.lock', progress.locked
        ? h('span', { class: 'badge locked', i18n: 'events.lockedYes' })
        : h('span', { class: 'badge RUNNING', i18n: 'events.lockedNo' }), progress.locked ? 'locked' : 'open'),
      stat('live-stat-marks', 'live.marks', [
        h('span', { class: 'stat-big', text: `${percent}%` }),
        h('span', { class: 'muted', i18n: ['live.marksOf', { in: marksIn, total }] })], marksMissing === 0 ? 'done' : 'busy'),
      stat('live-stat-discrepancies', 'live.discrepancies', h('span', { class: 'stat-big', text: String(discrepancies) }), discrepancies > 0 ? 'alert' : 'done'),
      stat('live-stat-recheck', 'live.recheck', h('span', { i18n: recheckKey }), recheck?.fullRecheckRequired ? 'alert' : recheck ? 'busy' : 'idle'));
  }

  function stat(id, labelKey, value, tone) {
    return h('div', { class: `stat ${tone}`, id, dataset: { tone } }, h('span', { class: 'stat-label', i18n: labelKey }), h('span', { class: 'stat-value' }, value));
  }

  /** Judges down, criteria across; each cell the judge's marks in out of the entries they may mark. */
  function renderHeatmap(progress) {
    const codes = [];
    for (const c of progress.criteria ?? []) {
      codes.push(c.code);
    }
    for (const judge of progress.judges ?? []) {
      for (const c of judge.criteria ?? []) {
        if (!codes.includes(c.code)) {
          codes.push(c.code);
        }
      }
    }
    const byCode = Object.fromEntries((progress.criteria ?? []).map((c) => [c.code, c]));
    const head = h('tr', {},
      h('th', { scope: 'col', i18n: 'live.judge' }),
      codes.map((code) => h('th', { scope: 'col', class: 'crit', title: criterionName(code) || null },
        h('span', { class: 'mono', text: code }), criterionName(code) ? h('span', { class: 'crit-name', text: criterionName(code) }) : null)),
      h('th', { scope: 'col', class: 'num', i18n: 'live.missingTotal' }));
    const rows = (progress.judges ?? []).map((judge) => {
      const mine = Object.fromEntries((judge.criteria ?? []).map((c) => [c.code, c]));
      const missing = (judge.criteria ?? []).reduce((sum, c) => sum + c.missing, 0);
      const name = judge.displayName || judge.username;
      return h('tr', { dataset: { judgeId: String(judge.userId), username: judge.username ?? '' } },
        h('th', { scope: 'row', class: 'judge' },
          h('span', { class: 'judge-name', text: name }),
          judge.role === 'CHIEF' ? h('span', { class: 'badge chief', i18n: 'live.chief' }) : null),
        judge.nothingAssigned
          ? h('td', { class: 'cell na nothing', colspan: codes.length, i18n: 'desk.nothingAssigned' })
          : codes.map((code) => heatCell(judge, name, code, mine[code])),
        h('td', { class: `num missing-total ${missing > 0 ? 'some' : 'none'}`, text: String(missing) }));
    });
    const foot = h('tr', { class: 'complete-row' },
      h('th', { scope: 'row', i18n: 'live.entriesComplete' }),
      codes.map((code) => {
        const c = byCode[code];
        if (!c) {
          return h('td', { class: 'na', text: '—' });
        }
        const all = c.complete + c.incomplete;
        return h('td', { class: `complete ${c.incomplete === 0 ? 'all' : ''}`, dataset: { criterion: code, complete: String(c.complete), incomplete: String(c.incomplete) } },
          h('span', { text: `${c.complete}/${all}` }));
      }),
      h('td', {}));
    replace(heatHolder,
      h('div', { class: 'table-wrap' },
        h('table', { class: 'heatmap', id: 'heatmap', 'data-testid': 'heatmap' },
          h('caption', { i18n: 'live.heatmapCaption' }),
          h('thead', {}, head),
          h('tbody', {}, rows.length > 0 ? rows : h('tr', {}, h('td', { class: 'empty', colspan: codes.length + 2, i18n: 'live.noJudges' }))),
          h('tfoot', {}, foot))),
      legend());
  }

  function heatCell(judge, name, code, c) {
    if (c && c.assigned === 0) {
      return h('td', { class: 'cell na nothing', dataset: { judgeId: String(judge.userId), criterion: code }, i18n: 'desk.noEntries' });
    }
    if (!c) {
      return h('td', { class: 'cell na', dataset: { judgeId: String(judge.userId), criterion: code }, i18nAttrs: { title: 'live.notAssigned' } },
        h('span', { 'aria-hidden': 'true', text: '·' }), h('span', { class: 'visually-hidden', i18n: 'live.notAssigned' }));
    }
    const total = c.assigned ?? c.in + c.missing;
    const share = total === 0 ? 1 : c.in / total;
    const level = c.missing === 0 ? 'done' : `h${Math.min(4, Math.floor(share * 5))}`;
    return h('td', {
      class: `cell ${level}`,
      dataset: { judgeId: String(judge.userId), criterion: code, in: String(c.in), missing: String(c.missing) },
      i18nAttrs: { title: ['live.cellTitle', { name, code, in: c.in, missing: c.missing }] },
    },
    h('span', { class: 'cell-count', text: `${c.in}/${total}` }),
    c.missing > 0 ? h('span', { class: 'cell-missing', i18n: ['live.missingN', { n: c.missing }] }) : h('span', { class: 'cell-done', 'aria-hidden': 'true', text: '✓' }));
  }

  function legend() {
    return h('p', { class: 'heat-legend', 'aria-hidden': 'true' },
      h('span', { class: 'swatch h0' }), h('span', { i18n: 'live.legendNone' }),
      h('span', { class: 'swatch h2' }), h('span', { i18n: 'live.legendSome' }),
      h('span', { class: 'swatch done' }), h('span', { i18n: 'live.legendDone' }),
      h('span', { class: 'swatch na' }), h('span', { i18n: 'live.notAssigned' }));
  }

  function renderDiscrepancies(progress) {
    const open = progress.discrepancies ?? [];
    replace(discrepancyHolder, open.length === 0
      ? h('p', { class: 'muted', id: 'no-discrepancies', i18n: 'live.noDiscrepancies' })
      : h('ul', { class: 'discrepancy-list' }, open.map((d) => h('li', { dataset: { entryId: String(d.entryId), criterion: d.criterion } },
        h('span', { class: 'badge DQ', text: d.bib ?? `#${d.entryId}` }), ' ',
        h('span', { class: 'mono', text: d.criterion }), criterionName(d.criterion) ? ` ${criterionName(d.criterion)} ` : ' ',
        (d.marks ?? []).map((m) => h('span', { class: 'mark-chip', text: `${m.name} ${m.value}` }))))));
  }

  function renderRecheck(progress) {
    const r = progress.recheck;
    if (!r) {
      replace(recheckHolder, h('p', { class: 'muted', i18n: 'live.recheckNone' }));
      return;
    }
    const counts = r.counts ?? {};
    replace(recheckHolder,
      h('p', {}, h('span', { class: `badge ${r.finished ? 'FINAL' : 'RUNNING'}`, i18n: r.finished ? 'live.recheckFinished' : 'live.recheckOpen' }), ' ',
        h('span', { i18n: ['live.recheckCounts', { recorded: counts.recorded ?? 0, items: counts.items ?? 0 }] })),
      h('p', { class: 'muted', i18n: ['live.recheckSample', { sample: counts.sample ?? 0, corrected: counts.sampleCorrected ?? 0 }] }),
      r.fullRecheckRequired ? h('p', { class: 'alert error', i18n: 'live.recheckFull' }) : null);
  }

  /** A diverging bar per judge: right of the middle marks above the panel, left below. */
  function renderLeniency(answer) {
    const judges = answer?.judges ?? [];
    const threshold = Number(answer?.outlierThresholdPercent ?? 5);
    if (judges.length === 0) {
      replace(leniencyHolder, h('p', { class: 'muted', id: 'leniency-empty', i18n: 'live.leniencyEmpty' }));
      return;
    }
    const biggest = Math.max(threshold * 2, ...judges.map((j) => Math.abs(Number(j.meanDeviationPercent)) * 1.1));
    const scale = Math.ceil(biggest / 5) * 5;
    const at = (value) => `${50 + (value / scale) * 50}%`;
    const rows = judges.map((j) => {
      const value = Number(j.meanDeviationPercent);
      const left = value < 0 ? at(value) : '50%';
      const width = `${(Math.abs(value) / scale) * 50}%`;
      const lean = value > 0 ? 'lenient' : value < 0 ? 'severe' : 'even';
      return h('li', { class: `lean-row ${j.outlier ? 'outlier' : ''}`, dataset: { userId: String(j.userId), outlier: String(j.outlier), value: String(j.meanDeviationPercent) } },
        h('span', { class: 'lean-name' }, h('span', { text: j.displayName || j.username }),
          j.outlier ? h('span', { class: 'badge DQ', i18n: value > 0 ? 'live.tooLenient' : 'live.tooSevere' }) : null),
        h('span', { class: 'lean-track', role: 'img', i18nAttrs: { 'aria-label': ['live.leanLabel', { value: signed(j.meanDeviationPercent), n: j.comparedMarks }] } },
          h('span', { class: 'lean-zone', style: `left:${at(-threshold)};width:${(threshold / scale) * 100}%` }),
          h('span', { class: 'lean-axis' }),
          h('span', { class: `lean-bar ${lean}`, style: `left:${left};width:${width}` })),
        h('span', { class: 'lean-value num', text: `${signed(j.meanDeviationPercent)}%` }),
        h('span', { class: 'lean-n muted', i18n: ['live.compared', { n: j.comparedMarks }] }));
    });
    replace(leniencyHolder,
      h('ul', { class: 'leniency-chart', id: 'leniency-chart' }, rows),
      h('div', { class: 'lean-row lean-scale muted', 'aria-hidden': 'true' },
        h('span'),
        h('span', { class: 'lean-ticks' },
          h('span', { text: `−${scale}%` }), h('span', { i18n: ['live.leniencyThreshold', { t: threshold }] }), h('span', { text: `+${scale}%` })),
        h('span'), h('span')));
  }

  async function refresh() {
    if (stopIfGone() || loading) {
      return;
    }
    loading = true;
    clearTimeout(timer);
    try {
      const [progress, leniency] = await Promise.allSettled([
        ctx.api.get(`/api/v1/events/${eventId}/progress`),
        ctx.api.get(`/api/v1/events/${eventId}/leniency`),
      ]);
      if (stopIfGone()) {
        return;
      }
      if (progress.status === 'fulfilled') {
        pageBox.clear();
        const text = JSON.stringify(progress.value);
        if (text !== shown.progress) {
          // Only what changed is drawn again: the page does not flicker under the reader every 5 s.
          shown.progress = text;
          renderSummary(progress.value);
          renderHeatmap(progress.value);
          renderDiscrepancies(progress.value);
          renderRecheck(progress.value);
        }
        stamp.dataset.state = 'fresh';
        bindText(stampText, 'live.updated', { time: formatTime() });
        stamp.dataset.refreshes = String(Number(stamp.dataset.refreshes || 0) + 1);
      } else {
        pageBox.error(progress.reason);
        stamp.dataset.state = 'stale';
      }
      if (leniency.status === 'fulfilled') {
        const text = JSON.stringify(leniency.value);
        if (text !== shown.leniency) {
          shown.leniency = text;
          renderLeniency(leniency.value);
        }
      } else if (progress.status === 'fulfilled') {
        shown.leniency = null;
        replace(leniencyHolder, h('p', { class: 'muted', i18n: ['live.leniencyFailed', { code: leniency.reason?.code ?? '' }] }));
      }
    } finally {
      loading = false;
      if (!stopped) {
        timer = setTimeout(refresh, REFRESH_MS);
      }
    }
  }

  /** /ws/live for this event (signed with a ticket, so unpublished contests work too): refresh on frames. */
  async function connect() {
    if (stopIfGone()) {
      return;
    }
    let ticket = null;
    try {
      ticket = (await ctx.api.post('/api/v1/auth/ws-ticket', {}))?.ticket ?? null;
    } catch {
      ticket = null;
    }
    if (stopped) {
      return;
    }
    const params = new URLSearchParams({ eventId });
    if (ticket) {
      params.set('ticket', ticket);
    }
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/live?${params}`);
    socket = ws;
    ws.onopen = () => {
      socketAttempt = 0;
      stamp.dataset.socket = 'open';
    };
    ws.onmessage = () => {
      clearTimeout(frameTimer);
      frameTimer = setTimeout(refresh, FRAME_DEBOUNCE_MS);
    };
    ws.onclose = () => {
      stamp.dataset.socket = 'closed';
      if (socket === ws) {
        socket = null;
      }
      if (!stopped) {
        const delay = SOCKET_BACKOFF_MS[Math.min(socketAttempt, SOCKET_BACKOFF_MS.length - 1)];
        socketAttempt++;
        socketTimer = setTimeout(connect, delay);
      }
    };
  }

  function stopIfGone() {
    if (!stopped && !el.isConnected && started) {
      stop();
    }
    return stopped;
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(frameTimer);
    clearTimeout(socketTimer);
    window.removeEventListener('hashchange', onLeave);
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'left the page');
      socket = null;
    }
  }

  function onLeave() {
    // The router replaces the page after this event; look once it has.
    setTimeout(stopIfGone, 0);
  }

  async function load() {
    try {
      event = await ctx.api.get(`/api/v1/events/${eventId}`);
      const name = `${event.occupationName ?? ''}（${event.occupationCode ?? ''}）`;
      bindText(heading, 'live.title', { name });
      ctx.setTitle('live.title', { name });
      replace(crumbEvent, h('a', { href: `#/events/${eventId}`, text: event.occupationName ?? `#${eventId}` }));
      if (event.contestId) {
        replace(crumbContest, h('a', { href: `#/contests/${event.contestId}`, text: `#${event.contestId}` }));
        ctx.api.get(`/api/v1/contests/${event.contestId}`).then((contest) => {
          replace(crumbContest, h('a', { href: `#/contests/${event.contestId}`, text: contest.name }));
          const before = contest.visibility === 'ON_PUBLISH' && !['PUBLISHED', 'FINAL'].includes(contest.status);
          previewLink.hidden = !before;
        }).catch(() => {});
      }
    } catch (error) {
      pageBox.error(error);
    }
    await refresh();
    connect();
  }

  function relink() {
    screenLink.href = screenHref(`/live/${eventId}`);
    previewLink.href = screenHref(`/live/${eventId}?preview=1`);
  }
  relink();
  screenLink.addEventListener('click', relink);
  previewLink.addEventListener('click', relink);

  const el = h('section', { 'aria-labelledby': 'live-title', class: 'live-view', dataset: { eventId: String(eventId) } },
    h('nav', { class: 'breadcrumbs', i18nAttrs: { 'aria-label': 'nav.contests' } },
      h('ol', {}, h('li', {}, h('a', { href: '#/contests', i18n: 'nav.contests' })), crumbContest, crumbEvent,
        h('li', { 'aria-current': 'page', i18n: 'live.crumb' }))),
    h('div', { class: 'spread live-head' }, heading, h('div', { class: 'row' }, stamp, previewLink, screenLink)),
    pageBox.el,
    summaryHolder,
    h('section', { class: 'card', 'aria-labelledby': 'heatmap-title' },
      h('h2', { id: 'heatmap-title', i18n: 'live.heatmap' }),
      h('p', { class: 'hint', i18n: 'live.heatmapHint' }),
      heatHolder),
    h('div', { class: 'live-columns' },
      h('section', { class: 'card', 'aria-labelledby': 'discrepancies-title' },
        h('h2', { id: 'discrepancies-title', i18n: 'live.discrepanciesTitle' }),
        discrepancyHolder,
        h('h2', { id: 'recheck-title', class: 'sub', i18n: 'live.recheckTitle' }),
        recheckHolder),
      h('section', { class: 'card', 'aria-labelledby': 'leniency-title' },
        h('h2', { id: 'leniency-title', i18n: 'live.leniency' }),
        h('p', { class: 'hint', i18n: 'live.leniencyHint' }),
        leniencyHolder)));

  let started = false;
  window.addEventListener('hashchange', onLeave);
  // The router puts el on the page right after this returns.
  setTimeout(() => {
    started = true;
    load();
  }, 0);
  return { el, title: { key: 'live.title', vars: { name: `#${eventId}` } } };
}

/** A deviation with its sign: +3.25, −6.1, 0. */
function signed(value) {
  const text = String(value ?? '0');
  if (Number(text) === 0) {
    return '0';
  }
  return text.startsWith('-') ? `−${text.slice(1)}` : `+${text}`;
}

