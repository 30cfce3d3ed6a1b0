// The judge tablet (/judge): sign in, see the events assigned to you, pick an entry and a criterion,
// enter a mark. Every mark is saved on the tablet before it is sent and shows its sync state until the
// server acknowledges it; marks entered offline are sent when the connection comes back. The protocol
// is docs/judge-protocol.md.

import { t, has, setLang, otherLang, htmlLang } from './i18n.js';
import { openOutbox } from './outbox.js';
import { JudgeLink } from './link.js';
import { parseMark, formatNumber, isWss, newClientMarkId } from './marks.js';

const SESSION_KEY = 'craftmark.judge.session';
const DEVICE_KEY = 'craftmark.judge.deviceId';
const assignmentsKey = (userId) => `craftmark.judge.assignments.${userId}`;
const discrepanciesKey = (userId) => `craftmark.judge.discrepancies.${userId}`;

const state = {
  session: readSession(), // {token, expiresAt, user: {id, username, role, displayName}}
  signInNotice: null, // a message key shown above the sign-in form
  outbox: null,
  link: null,
  conn: { state: 'signedOut', retryAt: null },
  events: null, // the assignments: [{eventId, contestId, occupationName, locked, criteria, entries}]
  eventsFresh: false, // received on the current connection (else cached or none)
  sent: new Map(), // clientMarkId → when it was written to the current socket (not yet acknowledged)
  discrepancies: [], // [{eventId, entryId, criterion, at}]
  selected: new Map(), // `${eventId}/${entryId}` → criterion code chosen on that entry
  draft: '', // what the judge has typed in the mark field
  formMessage: null, // {kind: 'error'|'info', text}
  bibFilter: '',
  marksFilter: 'all',
};

// ---------------------------------------------------------------- small helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const $ = (id) => document.getElementById(id);

function readSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    return session && session.token && session.user ? session : null;
  } catch {
    return null;
  }
}

function saveSession(session) {
  state.session = session;
  if (session) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(SESSION_KEY);
  }
}

function deviceId() {
  let id = null;
  try {
    id = localStorage.getItem(DEVICE_KEY);
    if (!id) {
      id = `tablet-${newClientMarkId()}`;
      localStorage.setItem(DEVICE_KEY, id);
    }
  } catch {
    id = id || `tablet-${newClientMarkId()}`;
  }
  return id;
}

function readJson(key, fallback) {
  try {
    const value = JSON.parse(localStorage.getItem(key) || 'null');
    return value ?? fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full: the in-memory copy still works for this page
  }
}

function me() {
  return state.session ? state.session.user : null;
}

function myMarks() {
  const user = me();
  if (!user || !state.outbox) {
    return [];
  }
  return state.outbox.all().filter((m) => m.userId === user.id);
}

function myPending() {
  return myMarks().filter((m) => m.state === 'pending');
}

function findEvent(eventId) {
  return (state.events || []).find((e) => e.eventId === eventId) || null;
}

function eventName(eventId) {
  const event = findEvent(eventId);
  return event && event.occupationName ? event.occupationName : t('event.unknown', { id: eventId });
}

function bibOf(eventId, entryId, fallback) {
  const event = findEvent(eventId);
  const entry = event && (event.entries || []).find((e) => e.entryId === entryId);
  return entry ? entry.bib : fallback ?? `#${entryId}`;
}

function errorLabel(error) {
  const code = error && error.code;
  return code && has(`error.${code}`) ? t(`error.${code}`) : t('error.UNKNOWN');
}

function limitsText(criterion) {
  return isWss(criterion) ? t('criterion.limitsWss') : t('criterion.limits', { max: formatNumber(criterion.maxMark) });
}

function markStateKey(mark) {
  if (mark.state === 'pending') {
    return state.sent.has(mark.clientMarkId) ? 'sent' : 'queued';
  }
  if (mark.state === 'accepted' && mark.ackStatus === 'DUPLICATE') {
    return 'duplicate';
  }
  return mark.state;
}

/** The judge's newest mark on this tablet for an entry and criterion, and its state. */
function latestMark(eventId, entryId, code) {
  const marks = myMarks().filter((m) => m.eventId === eventId && m.entryId === entryId && m.criterion === code);
  return marks.length ? marks[marks.length - 1] : null;
}

function hasOpenDiscrepancy(eventId, entryId, code) {
  return state.discrepancies.some((d) => d.eventId === eventId && d.entryId === entryId && (code === undefined || d.criterion === code));
}

function announce(text) {
  const region = $('announce');
  region.textContent = '';
  // a fresh text node after a tick makes screen readers read it even when it repeats
  setTimeout(() => {
    region.textContent = text;
  }, 30);
}

let alertSeq = 0;
function alertMessage(text, kind = 'warn', sticky = false) {
  const id = `alert-${++alertSeq}`;
  const close = h('button', { type: 'button', class: 'btn small ghost', 'aria-label': '×', onclick: () => item.remove() }, '×');
  const item = h('div', { class: `alert ${kind}`, id }, h('span', {}, text), close);
  $('alerts').append(item);
  if (!sticky) {
    setTimeout(() => item.remove(), 8000);
  }
}

// ---------------------------------------------------------------- routing

function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'marks') {
    return { view: 'marks' };
  }
  if (parts[0] === 'e' && parts[1]) {
    const eventId = Number(parts[1]);
    if (parts[2]) {
      return { view: 'entry', eventId, entryId: Number(parts[2]) };
    }
    return { view: 'entries', eventId };
  }
  return { view: 'events' };
}

function go(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

// ---------------------------------------------------------------- header and status

function renderChrome() {
  document.documentElement.lang = htmlLang();
  document.title = `Craftmark ${t('app.title')}`;
  $('app-title').textContent = t('app.title');
  const user = me();
  $('who').textContent = user ? user.displayName || user.username : '';
  $('nav').hidden = !user;
  $('nav').setAttribute('aria-label', t('nav.main'));
  $('nav-events').textContent = t('nav.events');
  $('nav-marks').textContent = t('nav.marks');
  const current = route().view;
  $('nav-events').setAttribute('aria-current', current !== 'marks' ? 'page' : 'false');
  $('nav-marks').setAttribute('aria-current', current === 'marks' ? 'page' : 'false');
  $('sign-out').hidden = !user;
  $('sign-out').textContent = t('signout');
  const langButton = $('lang');
  langButton.textContent = t('lang.other');
  langButton.setAttribute('lang', htmlLang(otherLang()));
  langButton.setAttribute('aria-label', t('lang.label'));
  $('retry').textContent = t('conn.retryNow');
  renderStatus();
}

let statusTimer = null;
/** The live region says only what changes rarely (online/offline, pending count); the countdown sits outside it. */
function renderStatus() {
  const conn = state.conn.state;
  const pending = myPending().length;
  const status = $('status');
  status.dataset.state = conn;
  $('conn-text').textContent = t(`conn.${conn}`);
  const [before, after] = t('pending.count').split('{n}');
  const box = $('pending');
  box.hidden = !me();
  box.dataset.count = String(pending);
  box.replaceChildren(before, h('b', { id: 'pending-count' }, String(pending)), after);
  const retryIn = $('retry-in');
  clearTimeout(statusTimer);
  if (me() && conn === 'offline' && state.conn.retryAt) {
    const seconds = Math.max(0, Math.ceil((state.conn.retryAt - Date.now()) / 1000));
    retryIn.textContent = t('conn.retryIn', { s: seconds });
    retryIn.hidden = false;
    statusTimer = setTimeout(renderStatus, 1000);
  } else {
    retryIn.hidden = true;
  }
  $('retry').hidden = !(me() && conn === 'offline');
}

// ---------------------------------------------------------------- views

function render() {
  renderChrome();
  const main = $('main');
  const active = document.activeElement;
  const hadMarkFocus = active && active.id === 'mark-value';
  const caret = hadMarkFocus ? [active.selectionStart, active.selectionEnd] : null;
  const hadFilterFocus = active && active.id === 'bib-filter';
  const scroll = window.scrollY;
  let view;
  if (!state.outbox) {
    view = h('p', { class: 'muted' }, t('app.loading'));
  } else if (!me()) {
    view = signInView();
  } else {
    const r = route();
    view = r.view === 'marks' ? marksView()
      : r.view === 'entries' ? entriesView(r.eventId)
        : r.view === 'entry' ? entryView(r.eventId, r.entryId)
          : eventsView();
  }
  main.replaceChildren(view);
  window.scrollTo(0, scroll);
  const field = $('mark-value');
  if (hadMarkFocus && field) {
    // an ack arriving while the judge types must not move the caret (or "17" then "5" becomes "517")
    field.focus();
    field.setSelectionRange(caret[0] ?? field.value.length, caret[1] ?? field.value.length);
  } else if (field && field.type === 'text') {
    // a fresh field gets focus later (a tap): the caret then belongs after what is already typed
    field.setSelectionRange(field.value.length, field.value.length);
  }
  if (hadFilterFocus && $('bib-filter')) {
    $('bib-filter').focus();
  }
}

function signInView() {
  const error = h('p', { class: 'form-error', id: 'signin-error', role: 'alert' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'btn primary big', id: 'signin-submit' }, t('signin.submit'));
  const form = h('form', { class: 'card signin', id: 'signin-form', novalidate: true, 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, t('signin.title')),
    state.signInNotice ? h('p', { class: 'notice warn', id: 'signin-notice' }, t(state.signInNotice)) : null,
    queuedNotice(),
    h('label', { for: 'username' }, t('signin.username')), username,
    h('label', { for: 'password' }, t('signin.password')), password,
    error, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!username.value.trim() || !password.value) {
      error.textContent = t('signin.required');
      return;
    }
    submit.disabled = true;
    submit.textContent = t('signin.busy');
    try {
      await signIn(username.value.trim(), password.value);
    } catch (e) {
      error.textContent = e.message;
      submit.disabled = false;
      submit.textContent = t('signin.submit');
    }
  });
  setTimeout(() => {
    if (document.activeElement === document.body || !document.activeElement) {
      username.focus();
    }
  }, 0);
  return form;
}

/** Marks on this tablet still waiting for a judge to sign in (kept across sign-outs and expiry). */
function queuedNotice() {
  if (!state.outbox) {
    return null;
  }
  const waiting = new Map();
  for (const mark of state.outbox.all()) {
    if (mark.state === 'pending') {
      waiting.set(mark.username, (waiting.get(mark.username) || 0) + 1);
    }
  }
  if (!waiting.size) {
    return null;
  }
  return h('ul', { class: 'notice info', id: 'queued-notice' },
    [...waiting].map(([who, n]) => h('li', {}, t('signin.queued', { n, who }))));
}

function discrepancyPanel(filter) {
  const open = state.discrepancies.filter(filter || (() => true));
  if (!open.length) {
    return null;
  }
  return h('section', { class: 'card discrepancies', id: 'discrepancies', 'aria-labelledby': 'discrepancy-title' },
    h('h2', { id: 'discrepancy-title' }, t('discrepancy.title')),
    h('ul', {}, open.map((d) => h('li', { class: 'discrepancy-item', dataset: { eventId: d.eventId, entryId: d.entryId, criterion: d.criterion } },
      h('span', {}, t('discrepancy.item', { event: eventName(d.eventId), bib: bibOf(d.eventId, d.entryId), code: d.criterion })),
      h('button', {
        type: 'button', class: 'btn small',
        onclick: () => {
          state.selected.set(`${d.eventId}/${d.entryId}`, d.criterion);
          go(`#/e/${d.eventId}/${d.entryId}`);
        },
      }, t('discrepancy.go'))))));
}

function eventsView() {
  const pendingByEvent = new Map();
  for (const mark of myPending()) {
    pendingByEvent.set(mark.eventId, (pendingByEvent.get(mark.eventId) || 0) + 1);
  }
  let body;
  if (!state.events) {
    body = h('p', { class: 'muted', id: 'events-waiting' }, t(state.conn.state === 'offline' ? 'events.offline' : 'events.waiting'));
  } else if (!state.events.length) {
    body = h('p', { class: 'muted', id: 'events-none' }, t('events.none'));
  } else {
    body = h('ul', { class: 'tiles events', id: 'events' }, state.events.map((event) => h('li', {},
      h('button', {
        type: 'button', class: `tile event${event.locked ? ' locked' : ''}`, dataset: { eventId: event.eventId },
        onclick: () => go(`#/e/${event.eventId}`),
      },
      h('span', { class: 'tile-title' }, event.occupationName || t('event.unknown', { id: event.eventId })),
      event.contestName ? h('span', { class: 'tile-contest' }, event.contestName) : null,
      event.group && has(`group.${event.group}`) ? h('span', { class: 'tile-group' }, t(`group.${event.group}`)) : null,
      h('span', { class: 'tile-meta' }, t('event.meta', { id: event.eventId, criteria: (event.criteria || []).length, entries: (event.entries || []).length })),
      h('span', { class: 'tile-badges' },
        event.locked ? h('span', { class: 'badge locked' }, t('event.locked')) : null,
        pendingByEvent.get(event.eventId) ? h('span', { class: 'badge pending' }, t('event.pendingHere', { n: pendingByEvent.get(event.eventId) })) : null,
        state.discrepancies.some((d) => d.eventId === event.eventId)
          ? h('span', { class: 'badge discrepancy' }, t('discrepancy.badge')) : null)),
      // The chief judge (裁判长) reaches the desk in the console, signed in with this tablet's session.
      event.panelRole === 'CHIEF'
        ? h('a', { class: 'btn desk-link', href: `/console/?from=judge#/events/${event.eventId}/desk`, dataset: { eventId: event.eventId } }, t('chief.desk'))
        : null)));
  }
  return h('section', { 'aria-labelledby': 'events-title' },
    h('h1', { id: 'events-title' }, t('events.title')),
    state.events && !state.eventsFresh ? h('p', { class: 'notice warn' }, t('events.cached')) : null,
    discrepancyPanel(),
    body);
}

function backButton(hash) {
  return h('button', { type: 'button', class: 'btn back', id: 'back', onclick: () => go(hash) }, `‹ ${t('nav.back')}`);
}

function lockedNote(event) {
  return event.locked ? h('p', { class: 'notice locked', id: 'locked-note' }, t('event.lockedNote')) : null;
}

function entryProgress(event, entry) {
  const criteria = event.criteria || [];
  const done = criteria.filter((c) => {
    const mark = latestMark(event.eventId, entry.entryId, c.code);
    return mark && mark.state !== 'rejected';
  }).length;
  return { done, total: criteria.length };
}

function entriesView(eventId) {
  const event = findEvent(eventId);
  if (!event) {
    return h('section', {}, backButton('#/'), h('p', { class: 'muted' }, state.events ? t('event.unknown', { id: eventId }) : t('events.waiting')));
  }
  const query = state.bibFilter.trim().toUpperCase();
  const entries = (event.entries || []).filter((e) => !query || String(e.bib).toUpperCase().includes(query));
  const filter = h('input', {
    id: 'bib-filter', type: 'search', value: state.bibFilter, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
    oninput: (e) => {
      state.bibFilter = e.target.value;
      render();
    },
  });
  filter.value = state.bibFilter;
  let list;
  if (!(event.entries || []).length) {
    list = h('p', { class: 'muted' }, t('entries.none'));
  } else if (!entries.length) {
    list = h('p', { class: 'muted' }, t('entries.noMatch', { q: state.bibFilter.trim() }));
  } else {
    list = h('ul', { class: 'bibs', id: 'bibs' }, entries.map((entry) => {
      const { done, total } = entryProgress(event, entry);
      const pending = myPending().some((m) => m.eventId === eventId && m.entryId === entry.entryId);
      const discrepancy = hasOpenDiscrepancy(eventId, entry.entryId);
      return h('li', {}, h('button', {
        type: 'button',
        class: `bib${done === total && total ? ' done' : ''}${discrepancy ? ' discrepancy' : ''}`,
        dataset: { bib: entry.bib, entryId: entry.entryId },
        'aria-label': t('entries.label', { bib: entry.bib, done, total }) + (discrepancy ? `, ${t('discrepancy.badge')}` : ''),
        onclick: () => go(`#/e/${eventId}/${entry.entryId}`),
      },
      h('span', { class: 'bib-no' }, entry.bib),
      h('span', { class: 'bib-progress' }, t('entries.progress', { done, total })),
      pending ? h('span', { class: 'dot pending', 'aria-hidden': 'true' }) : null,
      discrepancy ? h('span', { class: 'badge discrepancy' }, t('discrepancy.badge')) : null));
    }));
  }
  return h('section', { 'aria-labelledby': 'entries-title' },
    h('div', { class: 'crumbs' }, backButton('#/'), h('span', { class: 'crumb' }, event.occupationName)),
    h('h1', { id: 'entries-title' }, `${event.occupationName} · ${t('entries.title')}`),
    lockedNote(event),
    discrepancyPanel((d) => d.eventId === eventId),
    h('div', { class: 'filter' }, h('label', { for: 'bib-filter' }, t('entries.filter')), filter),
    list);
}

function entryView(eventId, entryId) {
  const event = findEvent(eventId);
  const entry = event && (event.entries || []).find((e) => e.entryId === entryId);
  if (!event || !entry) {
    return h('section', {}, backButton(event ? `#/e/${eventId}` : '#/'),
      h('p', { class: 'muted' }, state.events ? t('entries.none') : t('events.waiting')));
  }
  const criteria = event.criteria || [];
  const key = `${eventId}/${entryId}`;
  let code = state.selected.get(key);
  if (!criteria.some((c) => c.code === code)) {
    const unmarked = criteria.find((c) => !latestMark(eventId, entryId, c.code));
    code = (unmarked || criteria[0] || {}).code;
    if (code) {
      state.selected.set(key, code);
    }
  }
  const criterion = criteria.find((c) => c.code === code);
  const index = event.entries.indexOf(entry);
  const prev = event.entries[index - 1];
  const next = event.entries[index + 1];

  const criteriaList = h('ul', { class: 'criteria', id: 'criteria' }, criteria.map((c) => {
    const mark = latestMark(eventId, entryId, c.code);
    const discrepancy = hasOpenDiscrepancy(eventId, entryId, c.code);
    return h('li', {}, h('button', {
      type: 'button',
      class: `criterion${c.code === code ? ' selected' : ''}${discrepancy ? ' discrepancy' : ''}`,
      dataset: { code: c.code },
      'aria-pressed': c.code === code ? 'true' : 'false',
      onclick: () => {
        state.selected.set(key, c.code);
        state.draft = '';
        state.formMessage = null;
        render();
        const field = $('mark-value');
        if (field) {
          field.focus();
        }
      },
    },
    h('span', { class: 'crit-head' }, h('b', { class: 'crit-code' }, c.code), ' ', h('span', { class: 'crit-name' }, c.name)),
    h('span', { class: 'crit-meta' }, `${t(`kind.${c.kind}`)} · ${limitsText(c)}`),
    h('span', { class: 'crit-mark' },
      mark ? [h('span', { class: 'crit-value' }, `${t('criterion.mine')}: ${mark.text}`), ' ', stateBadge(mark)]
        : h('span', { class: 'muted' }, t('criterion.notMarked')),
      discrepancy ? h('span', { class: 'badge discrepancy' }, t('discrepancy.badge')) : null)));
  }));

  const history = myMarks().filter((m) => m.eventId === eventId && m.entryId === entryId).reverse();
  return h('section', { class: 'entry', 'aria-labelledby': 'entry-title' },
    h('div', { class: 'crumbs' },
      backButton(`#/e/${eventId}`),
      h('span', { class: 'crumb' }, event.occupationName),
      h('span', { class: 'spacer' }),
      h('button', { type: 'button', class: 'btn', id: 'prev-entry', disabled: !prev, onclick: () => prev && go(`#/e/${eventId}/${prev.entryId}`) }, t('nav.prev')),
      h('button', { type: 'button', class: 'btn', id: 'next-entry', disabled: !next, onclick: () => next && go(`#/e/${eventId}/${next.entryId}`) }, t('nav.next'))),
    h('h1', { id: 'entry-title' }, t('entry.title', { bib: entry.bib })),
    lockedNote(event),
    discrepancyPanel((d) => d.eventId === eventId && d.entryId === entryId),
    h('div', { class: 'entry-grid' },
      h('section', { class: 'card', 'aria-labelledby': 'criteria-title' },
        h('h2', { id: 'criteria-title' }, t('criteria.title')),
        criteriaList),
      h('section', { class: 'card mark-panel', id: 'mark-panel', 'aria-labelledby': 'mark-title' },
        h('h2', { id: 'mark-title' }, t('mark.title')),
        criterion ? markForm(event, entry, criterion) : h('p', { class: 'muted' }, t('mark.chooseCriterion')))),
    history.length ? h('section', { class: 'card', 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, t('mark.history', { bib: entry.bib })),
      marksTable(history, false)) : null);
}

function markForm(event, entry, criterion) {
  const locked = !!event.locked;
  const message = state.formMessage
    ? h('p', { class: `form-message ${state.formMessage.kind}`, id: 'mark-message', role: state.formMessage.kind === 'error' ? 'alert' : null }, state.formMessage.text)
    : h('p', { class: 'form-message', id: 'mark-message' });
  const heading = h('div', { class: 'mark-criterion' },
    h('p', { class: 'mark-name' }, h('b', {}, criterion.code), ' ', criterion.name),
    h('p', { class: 'limits', id: 'mark-limits' }, limitsText(criterion)),
    h('p', { class: 'muted small' }, `${t(`kind.${criterion.kind}`)} · ${t(`method.${criterion.method}`)}`),
    criterion.kind === 'DEDUCTION' ? h('p', { class: 'hint' }, t('mark.deductionHint')) : null);
  const submitWith = (raw) => submitMark(event, entry, criterion, raw);
  let control;
  if (isWss(criterion)) {
    control = h('div', { class: 'wss', role: 'group', 'aria-label': t('mark.wssGroup', { code: criterion.code }), 'aria-describedby': 'mark-limits' },
      [0, 1, 2, 3].map((v) => h('button', {
        type: 'button', class: 'btn wss-button', dataset: { value: v }, disabled: locked,
        'aria-label': t('mark.wssButton', { v }),
        onclick: () => submitWith(String(v)),
      }, String(v))));
  } else {
    const input = h('input', {
      id: 'mark-value', name: 'mark', type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
      disabled: locked, 'aria-describedby': 'mark-limits mark-message', 'aria-invalid': state.formMessage && state.formMessage.kind === 'error' ? 'true' : null,
      oninput: (e) => {
        state.draft = e.target.value;
      },
    });
    input.value = state.draft;
    control = h('form', {
      class: 'mark-entry', id: 'mark-form', novalidate: true,
      onsubmit: (e) => {
        e.preventDefault();
        submitWith(input.value);
      },
    },
    h('label', { for: 'mark-value' }, t('mark.value', { code: criterion.code })),
    h('div', { class: 'mark-row' }, input,
      h('button', { type: 'submit', class: 'btn primary big', id: 'mark-submit', disabled: locked }, t('mark.submit'))));
  }
  return h('div', {}, heading, control, message, h('p', { class: 'muted small' }, t('mark.replaceHint')));
}

function stateBadge(mark) {
  const key = markStateKey(mark);
  return h('span', { class: `badge state-${key}`, dataset: { state: mark.state } }, t(`state.${key}`));
}

function marksTable(marks, withEvent) {
  return h('table', { class: 'marks', id: withEvent ? 'marks-table' : 'history-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('marks.col.time')),
      withEvent ? h('th', { scope: 'col' }, t('marks.col.event')) : null,
      h('th', { scope: 'col' }, t('marks.col.bib')),
      h('th', { scope: 'col' }, t('marks.col.criterion')),
      h('th', { scope: 'col', class: 'num' }, t('marks.col.value')),
      h('th', { scope: 'col' }, t('marks.col.state')))),
    h('tbody', {}, marks.map((mark) => h('tr', {
      class: 'mark', dataset: { clientMarkId: mark.clientMarkId, state: mark.state, criterion: mark.criterion, bib: mark.bib, markId: mark.markId ?? '' },
    },
    h('td', {}, new Date(mark.createdAt).toLocaleTimeString(htmlLang(), { hour12: false })),
    withEvent ? h('td', {}, eventName(mark.eventId)) : null,
    h('td', {}, mark.bib),
    h('td', {}, mark.criterion),
    h('td', { class: 'num mark-value' }, mark.text),
    h('td', { class: 'mark-state' }, stateBadge(mark),
      mark.state === 'accepted' && mark.markId != null
        ? h('span', { class: 'receipt muted small' }, t('marks.receipt', { markId: mark.markId, version: mark.version })) : null,
      mark.state === 'rejected'
        ? h('span', { class: 'reason', dataset: { code: (mark.error && mark.error.code) || '' } },
          h('b', {}, errorLabel(mark.error)), mark.error && mark.error.message ? `: ${mark.error.message}` : '')
        : null)))));
}

function marksView() {
  const all = myMarks();
  const counts = { all: all.length, accepted: 0, pending: 0, rejected: 0 };
  all.forEach((m) => counts[m.state]++);
  const shown = all.filter((m) => state.marksFilter === 'all' || m.state === state.marksFilter).reverse();
  const filterButton = (value, key) => h('button', {
    type: 'button', class: 'btn small', 'aria-pressed': state.marksFilter === value ? 'true' : 'false', dataset: { filter: value },
    onclick: () => {
      state.marksFilter = value;
      render();
    },
  }, t(key));
  return h('section', { 'aria-labelledby': 'marks-title' },
    h('h1', { id: 'marks-title' }, t('marks.title')),
    discrepancyPanel(),
    all.length ? h('p', { id: 'marks-summary' }, t('marks.summary', counts)) : null,
    all.length ? h('div', { class: 'filters', role: 'group', 'aria-label': t('marks.filter') },
      filterButton('all', 'marks.showAll'), filterButton('pending', 'marks.showPending'), filterButton('rejected', 'marks.showRejected')) : null,
    !all.length ? h('p', { class: 'muted' }, t('marks.none'))
      : shown.length ? h('div', { class: 'card table-wrap' }, marksTable(shown, true)) : h('p', { class: 'muted' }, t('marks.emptyFilter')));
}

// ---------------------------------------------------------------- marking

async function submitMark(event, entry, criterion, raw) {
  const user = me();
  if (!user) {
    return;
  }
  if (findEvent(event.eventId)?.locked) {
    state.formMessage = { kind: 'error', text: t('invalid.locked') };
    render();
    return;
  }
  const parsed = parseMark(raw, criterion);
  if (!parsed.ok) {
    state.formMessage = { kind: 'error', text: t(`invalid.${parsed.problem}`, { raw: parsed.raw, max: formatNumber(criterion.maxMark) }) };
    state.draft = raw;
    render();
    return;
  }
  const mark = {
    clientMarkId: newClientMarkId(),
    userId: user.id,
    username: user.username,
    deviceId: deviceId(),
    eventId: event.eventId,
    entryId: entry.entryId,
    bib: entry.bib,
    criterion: criterion.code,
    value: parsed.value,
    text: parsed.text,
    createdAt: Date.now(),
    state: 'pending',
  };
  let stored;
  try {
    stored = await state.outbox.put(mark); // on the tablet's disk before it goes anywhere
  } catch (e) {
    state.formMessage = { kind: 'error', text: t('mark.saveFailed', { message: e && e.message ? e.message : String(e) }) };
    render();
    return;
  }
  const vars = { bib: entry.bib, code: criterion.code, value: parsed.text };
  state.formMessage = {
    kind: 'info',
    text: t(state.link && state.link.online ? 'mark.queued' : 'mark.queuedOffline', vars),
    clientMarkId: stored.clientMarkId,
  };
  state.draft = '';
  // move on to the next criterion this judge has not marked yet, if any
  const key = `${event.eventId}/${entry.entryId}`;
  const next = (event.criteria || []).find((c) => c.code !== criterion.code && !latestMark(event.eventId, entry.entryId, c.code));
  if (next) {
    state.selected.set(key, next.code);
  }
  sendMark(stored);
  render();
}

function markFrame(mark) {
  return { type: 'mark', clientMarkId: mark.clientMarkId, eventId: mark.eventId, entryId: mark.entryId, criterion: mark.criterion, value: mark.value };
}

function sendMark(mark) {
  if (state.link && state.link.online) {
    state.link.send(markFrame(mark));
  }
}

/** On every (re)connection: everything of this judge still pending goes out again, oldest first. */
function resendPending() {
  state.sent.clear();
  for (const mark of myPending()) {
    sendMark(mark);
  }
  renderStatus();
}

/**
 * A mark sent but not acknowledged for a while (the server answered an error frame instead, e.g. its
 * database was briefly down) goes out again on the same connection. Resending is always safe.
 */
const UNACKED_RESEND_MS = 20000;
function resendStale() {
  if (!state.link || !state.link.online) {
    return;
  }
  const now = Date.now();
  for (const mark of myPending()) {
    const sentAt = state.sent.get(mark.clientMarkId);
    if (sentAt !== undefined && now - sentAt > UNACKED_RESEND_MS) {
      state.sent.set(mark.clientMarkId, now);
      sendMark(mark);
    }
  }
}

async function onAck(frame) {
  const mark = state.outbox.get(frame.clientMarkId);
  state.sent.delete(frame.clientMarkId);
  if (!mark || mark.state !== 'pending') {
    return; // an ack for a mark already settled (a resend raced the first ack), or not ours
  }
  const updated = { ...mark, ackStatus: frame.status, ackedAt: Date.now() };
  if (frame.status === 'ACCEPTED' || frame.status === 'DUPLICATE') {
    updated.state = 'accepted';
    updated.markId = frame.markId ?? null;
    updated.version = frame.version ?? null;
  } else if (frame.status === 'REJECTED') {
    updated.state = 'rejected';
    const error = frame.error || {};
    updated.error = { code: error.code || 'UNKNOWN', message: error.message || '', details: error.details || [] };
  } else {
    console.warn('ack with an unknown status, the mark stays pending:', frame.status);
    return;
  }
  try {
    await state.outbox.put(updated);
  } catch (e) {
    console.warn('could not record an ack; the mark is resent and acknowledged again later', e);
    return;
  }
  const vars = { bib: mark.bib, code: mark.criterion, value: mark.text };
  if (updated.state === 'accepted') {
    const before = state.discrepancies.length;
    state.discrepancies = state.discrepancies.filter((d) => !(d.eventId === mark.eventId && d.entryId === mark.entryId
      && d.criterion === mark.criterion && d.at <= mark.createdAt));
    if (before !== state.discrepancies.length) {
      saveDiscrepancies();
    }
    announce(t('announce.accepted', vars));
    if (state.formMessage && state.formMessage.clientMarkId === mark.clientMarkId) {
      state.formMessage = { kind: 'info', text: t('announce.accepted', vars), clientMarkId: mark.clientMarkId };
    }
  } else {
    const reason = errorLabel(updated.error);
    const text = t('announce.rejected', { ...vars, reason });
    alertMessage(text, 'bad', true);
    if (state.formMessage && state.formMessage.clientMarkId === mark.clientMarkId) {
      state.formMessage = { kind: 'error', text, clientMarkId: mark.clientMarkId };
    }
  }
  render();
}

/**
 * Reads the judge's marks on each assigned event (GET …/my-marks) and merges them into the outbox:
 * a mark the outbox holds by the same clientMarkId is that mark (settled as accepted if it was still
 * pending); any other is stored as a settled mark from the server — made on another tablet, or a
 * chief judge's correction — so a fresh tablet shows what was already marked. Pending marks made
 * here stay pending and are still sent.
 */
async function loadServerMarks(events) {
  const user = me();
  if (!user || !state.session) {
    return;
  }
  let changed = false;
  for (const event of events) {
    let items;
    try {
      const response = await fetch(`/api/v1/events/${event.eventId}/my-marks`, {
        headers: { Authorization: `Bearer ${state.session.token}`, Accept: 'application/json' }, cache: 'no-store',
      });
      if (!response.ok) {
        continue;
      }
      items = (await response.json()).items || [];
    } catch {
      return; // offline again: the next connection tries once more
    }
    for (const item of items) {
      changed = (await mergeServerMark(user, event, item)) || changed;
    }
  }
  if (changed) {
    render();
  }
}

async function mergeServerMark(user, event, item) {
  const known = item.clientMarkId ? state.outbox.get(item.clientMarkId) : null;
  if (known) {
    if (known.state !== 'pending') {
      return false;
    }
    await state.outbox.put({ ...known, state: 'accepted', ackStatus: 'DUPLICATE', markId: item.markId, version: item.version, ackedAt: Date.now() });
    return true;
  }
  const entry = (event.entries || []).find((e) => e.entryId === item.entryId);
  const mark = {
    clientMarkId: item.clientMarkId || `server-${item.markId}`,
    userId: user.id, username: user.username, deviceId: null, eventId: event.eventId, entryId: item.entryId,
    bib: entry ? entry.bib : `#${item.entryId}`, criterion: item.criterion, value: item.value, text: formatNumber(item.value),
    createdAt: Date.parse(item.at) || Date.now(), state: 'accepted', ackStatus: 'SERVER', markId: item.markId,
    version: item.version, corrected: Boolean(item.corrected), fromServer: true, ackedAt: Date.now(),
  };
  try {
    await state.outbox.put(mark);
    return true;
  } catch {
    return false;
  }
}

function saveDiscrepancies() {
  const user = me();
  if (user) {
    writeJson(discrepanciesKey(user.id), state.discrepancies);
  }
}

function onFrame(frame) {
  switch (frame.type) {
    case 'assignments': {
      state.events = Array.isArray(frame.events) ? frame.events : [];
      state.eventsFresh = true;
      writeJson(assignmentsKey(me().id), state.events);
      render();
      // On sign-in and on every reconnect: what the server holds, merged with this tablet's outbox.
      loadServerMarks(state.events);
      break;
    }
    case 'ack':
      onAck(frame);
      break;
    case 'discrepancy': {
      // The server tells the whole panel; only a judge who marks that criterion on that entry re-marks.
      const event = findEvent(frame.eventId);
      if (event && (!(event.criteria || []).some((c) => c.code === frame.criterion)
          || !(event.entries || []).some((e) => e.entryId === frame.entryId))) {
        break;
      }
      const d = { eventId: frame.eventId, entryId: frame.entryId, criterion: frame.criterion, at: Date.now() };
      state.discrepancies = state.discrepancies.filter((x) => !(x.eventId === d.eventId && x.entryId === d.entryId && x.criterion === d.criterion));
      state.discrepancies.push(d);
      saveDiscrepancies();
      alertMessage(t('announce.discrepancy', { bib: bibOf(d.eventId, d.entryId), code: d.criterion }), 'warn', false);
      render();
      break;
    }
    case 'locked':
    case 'unlocked': {
      const event = findEvent(frame.eventId);
      if (event) {
        event.locked = frame.type === 'locked';
        writeJson(assignmentsKey(me().id), state.events);
      }
      alertMessage(t(`announce.${frame.type}`, { event: eventName(frame.eventId) }), frame.type === 'locked' ? 'warn' : 'info', false);
      render();
      break;
    }
    case 'error': {
      const error = frame.error || {};
      console.warn('server error frame', error.code, error.message);
      alertMessage(t('server.error', { message: errorLabel(error) }), 'bad', false);
      break;
    }
    default:
      console.info('ignored frame of type', frame.type);
  }
}

// ---------------------------------------------------------------- signing in and out

async function signIn(username, password) {
  let response;
  try {
    response = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
      body: JSON.stringify({ username, password }),
      cache: 'no-store',
    });
  } catch {
    throw new Error(t('signin.network'));
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (response.status === 401) {
    throw new Error(t('signin.wrong'));
  }
  if (response.status === 429) {
    throw new Error(t('signin.throttled', { s: response.headers.get('Retry-After') || '300' }));
  }
  if (!response.ok || !body || !body.token) {
    const code = body && body.error ? body.error.code : null;
    throw new Error(t('signin.failed', { message: code && has(`error.${code}`) ? t(`error.${code}`) : `HTTP ${response.status}` }));
  }
  saveSession({ token: body.token, expiresAt: body.expiresAt, user: body.user });
  state.signInNotice = null;
  startSession();
}

function startSession() {
  const user = me();
  state.events = readJson(assignmentsKey(user.id), null);
  state.eventsFresh = false;
  state.discrepancies = readJson(discrepanciesKey(user.id), []);
  state.sent.clear();
  if (!location.hash || location.hash === '#') {
    history.replaceState(null, '', '#/');
  }
  state.link = new JudgeLink({
    token: () => (state.session ? state.session.token : null),
    deviceId: deviceId(),
    onStatus: (status) => {
      state.conn = status;
      if (status.state !== 'online') {
        state.sent.clear();
        state.eventsFresh = false;
      }
      renderStatus();
    },
    onOpen: resendPending,
    onFrame,
    onSent: (frame) => {
      if (frame.type === 'mark') {
        const mark = state.outbox.get(frame.clientMarkId);
        if (mark && mark.state === 'pending') {
          state.sent.set(frame.clientMarkId, Date.now());
          renderMarkStates();
        }
      }
    },
    onAuthLost: () => {
      // the token is no longer good: sign in again; the outbox stays as it is
      saveSession(null);
      state.link = null;
      state.signInNotice = 'signin.expired';
      state.conn = { state: 'signedOut', retryAt: null };
      render();
    },
    onClosed: (code, reason) => {
      if (code === 1008) {
        alertMessage(t('conn.closedReason', { reason: reason || code }), 'warn', false);
      }
    },
  });
  state.link.start();
  render();
}

/** Cheap refresh of the queued/sent labels without re-rendering the view the judge is typing in. */
function renderMarkStates() {
  document.querySelectorAll('[data-client-mark-id]').forEach((row) => {
    const mark = state.outbox.get(row.dataset.clientMarkId);
    const badge = row.querySelector('.badge');
    if (mark && badge) {
      const key = markStateKey(mark);
      badge.className = `badge state-${key}`;
      badge.textContent = t(`state.${key}`);
    }
  });
  renderStatus();
}

function signOut() {
  if (state.link) {
    state.link.stop('signedOut');
    state.link = null;
  }
  saveSession(null);
  state.events = null;
  state.discrepancies = [];
  state.signInNotice = null;
  state.conn = { state: 'signedOut', retryAt: null };
  state.draft = '';
  state.formMessage = null;
  history.replaceState(null, '', '#/');
  render();
}

// ---------------------------------------------------------------- start

function wireChrome() {
  $('lang').addEventListener('click', () => {
    setLang(otherLang());
    render();
  });
  $('sign-out').addEventListener('click', signOut);
  $('nav-events').addEventListener('click', () => go('#/'));
  $('nav-marks').addEventListener('click', () => go('#/marks'));
  $('retry').addEventListener('click', () => state.link && state.link.retryNow());
  window.addEventListener('hashchange', () => {
    state.formMessage = null;
    state.draft = '';
    render();
    $('main').focus({ preventScroll: true });
    window.scrollTo(0, 0);
  });
  window.addEventListener('online', () => state.link && state.link.retryNow());
  setInterval(resendStale, 5000);
  window.addEventListener('offline', () => state.link && state.link.lineDown());
}

/** The app shell is cached by a service worker so /judge opens with no network (judge/sw.js). */
function registerShellCache() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/judge/sw.js', { scope: '/judge' })
      .then(() => { document.body.dataset.shellCached = 'true'; })
      .catch((error) => console.warn('the app shell cannot be cached for offline use:', error && error.message));
  }
}

async function main() {
  registerShellCache();
  wireChrome();
  render();
  state.outbox = await openOutbox();
  document.body.dataset.outbox = state.outbox.kind;
  if (state.session) {
    startSession();
  } else {
    render();
  }
  document.body.dataset.ready = 'true';
}

main();
