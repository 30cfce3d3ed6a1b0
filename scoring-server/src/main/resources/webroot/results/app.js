// The public 公示 page, /results/{contestId}[?version=N]: every event's published results with
// masked names, the notice period and how to appeal. It checks the contest every few seconds and
// shows a new results version (after an upheld appeal) as soon as it is published.

import { h, replace } from '/assets/js/dom.js';
import * as i18n from '/assets/js/i18n.js';
import { languageButtons } from '/assets/js/lang-buttons.js';
import { messages } from './messages.js';

i18n.register(messages);

const POLL_MS = 5000;
const main = document.getElementById('main');
const contestId = (/^\/results\/(\d{1,15})\/?$/.exec(location.pathname) || [])[1];
const requested = new URLSearchParams(location.search).get('version');
let shownVersion = null;
let shown = null;

function formatTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const error = new Error(`HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function message(key) {
  return h('section', { class: 'card notice-card' }, h('p', { class: 'message', i18n: key }));
}

function noticeBox(results) {
  const end = formatTime(results.noticeEndsAt);
  // The server's clock decides, not this device's.
  const over = !results.noticeRunning;
  const final = results.status === 'FINAL';
  return h('section', { class: 'card notice-card', id: 'notice' },
    h('p', { class: 'notice-period', i18n: [over ? 'notice.over' : 'notice.running', { end }] }),
    final ? h('p', { class: 'final', i18n: 'notice.final' }) : null,
    !final && !over ? h('p', { class: 'how', i18n: 'notice.how' }) : null,
    h('p', { class: 'muted', i18n: 'privacy' }));
}

function versionBox(results) {
  const latest = results.version === results.latestVersion;
  return h('p', { class: 'version', id: 'version', dataset: { version: String(results.version) } },
    h('span', { i18n: [latest && results.version > 1 ? 'version.corrected' : latest ? 'version.current' : 'version.older',
      { n: results.version, latest: results.latestVersion }] }),
    latest ? null : [' ', h('a', { href: `/results/${contestId}`, i18n: 'version.showLatest' })]);
}

function row(r) {
  const standing = r.rank === null
    ? h('span', { class: 'status', i18n: `status.${r.status}` })
    : h('span', { text: String(r.rank) });
  return h('tr', { dataset: { bib: r.bib } },
    h('td', { class: 'num rank' }, standing),
    h('td', { class: 'mono', text: r.bib }),
    h('td', { class: 'name' }, h('span', { text: r.name }),
      r.members.length > 0 ? h('span', { class: 'members', text: r.members.join('、') }) : null),
    h('td', { class: 'unit', text: r.unit ?? '' }),
    h('td', { class: 'num', text: r.total === null || r.total === undefined ? '—' : String(r.total) }),
    h('td', {}, r.prize ? h('span', { class: `prize ${r.prize}`, i18n: `prize.${r.prize}` }) : null));
}

function eventTable(event) {
  const caption = ['event.caption', { name: event.occupationName, code: event.occupationCode, group: i18n.t(`group.${event.group}`) }];
  return h('section', { class: 'card event', dataset: { eventId: String(event.eventId) } },
    h('h2', { i18n: caption }),
    h('div', { class: 'table-wrap' },
      h('table', {},
        h('thead', {}, h('tr', {}, ['col.rank', 'col.bib', 'col.name', 'col.unit', 'col.total', 'col.prize']
          .map((key) => h('th', { scope: 'col', i18n: key })))),
        h('tbody', {}, event.rows.length > 0 ? event.rows.map(row)
          : h('tr', {}, h('td', { colspan: 6, class: 'empty', i18n: 'event.empty' }))))),
    h('p', { class: 'muted', i18n: ['published.at', { time: formatTime(event.publishedAt) }] }));
}

function render(results, updated) {
  shownVersion = results.version;
  shown = results;
  document.title = `${i18n.t('page.title', { name: results.contest })} · Craftmark`;
  replace(main,
    h('h1', { id: 'contest-name', text: results.contest }),
    h('p', { class: 'subtitle' }, `${results.year} · `, h('span', { i18n: `tier.${results.tier}` })),
    updated ? h('p', { class: 'alert success', role: 'status', i18n: ['version.updated', { n: results.version }] }) : null,
    versionBox(results),
    noticeBox(results),
    results.events.map(eventTable));
}

async function load(updated = false) {
  const query = requested && /^\d{1,9}$/.test(requested) ? `?version=${requested}` : '';
  try {
    render(await getJson(`/api/v1/contests/${contestId}/results${query}`), updated);
  } catch (error) {
    replace(main, message(error.status === 403 ? 'page.notPublished' : error.status === 404 ? 'page.notFound' : 'page.unavailable'));
  }
}

/** A new results version (or the first publication) shows without a reload. */
async function poll() {
  try {
    const contest = await getJson(`/api/v1/contests/${contestId}`);
    if (!requested && contest.resultsVersion > 0 && contest.resultsVersion !== shownVersion) {
      await load(shownVersion !== null);
    }
  } catch {
    // keep what is shown; the next poll tries again
  }
}

languageButtons(() => {
  document.getElementById('brand-name').textContent = i18n.t('app.brand');
  if (shown) {
    render(shown, false); // captions and dates are composed in the page's language
  }
});

if (contestId) {
  load();
  setInterval(poll, POLL_MS);
} else {
  replace(main, message('page.notFound'));
}
