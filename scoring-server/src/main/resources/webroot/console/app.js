// The organizer console: a small single-page app with hash routes.
//   #/signin          sign in
//   #/contests        the contests, lifecycle buttons, a form for a new contest
//   #/contests/{id}   one contest: its events and a form for a new event with its marking scheme
//   #/events/{id}     one event: its entries and the CSV import
//   #/events/{id}/live one event live: marking progress heat map, discrepancies, recheck, leniency
//   #/events/{id}/panel the event's panel: seat judges (conflicts shown first), unseat
//   #/events/{id}/desk  the chief judge's desk: progress, disagreements, lock, corrections, recheck, publish
//   #/judges           judge accounts: find, create, reset password, disable
//   #/contests/{id}/appeals      appeals (申诉): file, decide, the version that corrected them
//   #/contests/{id}/advancement  who advanced (or would) to the next tier, who was skipped and why
//   #/contests/{id}/entitlements what a FINAL contest granted: rows, totals per payer, certificates, ZIP
//   #/persons          a person's history by resident ID number
//   #/winners          HR winner lists (filters, preview, CSV/XLSX/JSON download)
//   #/award-policy     a paying region's cash awards per tier
// The bearer token lives in sessionStorage (gone when the tab closes); the language in localStorage.

import { createApi } from '/assets/js/api.js';
import { h, replace } from '/assets/js/dom.js';
import * as i18n from '/assets/js/i18n.js';
import { messages } from './messages.js';
import { appMessages } from './messages-apps.js';
import '/assets/js/problems.js';
import { deskView } from './views/desk.js';
import { judgesView } from './views/judges.js';
import { panelView } from './views/panel.js';
import { pipelineMessages } from './messages-pipeline.js';
import { advancementView } from './views/advancement.js';
import { appealsView } from './views/appeals.js';
import { contestView } from './views/contest.js';
import { contestsView } from './views/contests.js';
import { eventView } from './views/event.js';
import { liveView } from './views/live.js';
import { personView } from './views/person.js';
import { awardPolicyView } from './views/award-policy.js';
import { entitlementsView } from './views/entitlements.js';
import { winnersView } from './views/winners.js';
import { signInView } from './views/signin.js';

i18n.register(messages);
i18n.register(appMessages);
i18n.register(pipelineMessages);

const SESSION_KEY = 'craftmark.console.session';

const session = {
  read() {
    try {
      const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
      // expiresAt is kept for information only: the browser's clock may differ from the server's,
      // so an expired token is noticed when the server answers 401.
      return stored && stored.token ? stored : null;
    } catch {
      return null;
    }
  },
  write(value) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  },
  clear() {
    sessionStorage.removeItem(SESSION_KEY);
  },
};

/** A message for the next sign-in page, e.g. "your session expired". */
let pendingSignInNotice = null;
let returnTo = null;

const api = createApi({
  getToken: () => session.read()?.token ?? null,
  onUnauthenticated: () => {
    session.clear();
    pendingSignInNotice = 'signin.expired';
    returnTo = location.hash;
    navigate('#/signin');
  },
});

const ROUTES = [
  { pattern: /^#\/signin$/, view: signInView, public: true },
  { pattern: /^#\/contests$/, view: contestsView },
  { pattern: /^#\/contests\/(\d+)$/, view: contestView },
  { pattern: /^#\/contests\/(\d+)\/appeals$/, view: appealsView },
  { pattern: /^#\/contests\/(\d+)\/advancement$/, view: advancementView },
  { pattern: /^#\/contests\/(\d+)\/entitlements$/, view: entitlementsView },
  { pattern: /^#\/persons$/, view: personView },
  { pattern: /^#\/winners$/, view: winnersView },
  { pattern: /^#\/award-policy$/, view: awardPolicyView },
  { pattern: /^#\/events\/(\d+)$/, view: eventView },
  { pattern: /^#\/events\/(\d+)\/live$/, view: liveView },
  { pattern: /^#\/events\/(\d+)\/panel$/, view: panelView },
  { pattern: /^#\/events\/(\d+)\/desk$/, view: deskView },
  { pattern: /^#\/judges$/, view: judgesView },
];

/**
 * A chief judge's tablet opens the desk as /console/?from=judge#/events/{id}/desk in the same tab:
 * the tablet's own sign-in (same origin, same tab) is taken over once, so the chief does not sign
 * in twice.
 */
function adoptTabletSession() {
  if (session.read() || !new URLSearchParams(location.search).has('from')) {
    return;
  }
  try {
    // The tablet keeps its sign-in in this tab's sessionStorage; the desk link opens in the same tab.
    const tablet = JSON.parse(sessionStorage.getItem('craftmark.judge.session') || 'null');
    if (tablet && tablet.token && tablet.user) {
      session.write({ token: tablet.token, expiresAt: tablet.expiresAt, user: tablet.user });
    }
  } catch {
    // no usable tablet session: sign in as usual
  }
}
adoptTabletSession();

const main = document.getElementById('main');
let titleBinding = { key: 'app.title' };

export function navigate(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

function render() {
  const hash = location.hash || '';
  const signedIn = session.read();
  if (hash === '' || hash === '#' || hash === '#/') {
    navigate(signedIn ? '#/contests' : '#/signin');
    return;
  }
  const route = ROUTES.find((r) => r.pattern.test(hash));
  if (!route) {
    show(notFound(), { key: 'common.notFound' });
    return;
  }
  if (!route.public && !signedIn) {
    returnTo = hash;
    navigate('#/signin');
    return;
  }
  if (route.view === signInView && signedIn) {
    navigate('#/contests');
    return;
  }
  const params = hash.match(route.pattern).slice(1);
  const context = {
    api,
    params,
    user: signedIn?.user ?? null,
    navigate,
    setTitle: (key, vars) => setTitle(key, vars),
    signedIn: (result) => {
      session.write({ token: result.token, expiresAt: result.expiresAt, user: result.user });
      const target = returnTo && returnTo !== '#/signin' ? returnTo : '#/contests';
      returnTo = null;
      navigate(target);
    },
    takeSignInNotice: () => {
      const notice = pendingSignInNotice;
      pendingSignInNotice = null;
      return notice;
    },
  };
  const view = route.view(context);
  show(view.el, view.title);
}

function show(el, title) {
  replace(main, el);
  setTitle(title.key, title.vars);
  renderChrome();
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}

function setTitle(key, vars) {
  titleBinding = { key, vars };
  document.title = `${i18n.t(key, vars)} · Craftmark`;
}

function notFound() {
  return h('section', {},
    h('h1', { i18n: 'common.notFound' }),
    h('p', {}, h('a', { href: '#/contests', i18n: 'common.back' })));
}

/** The top bar: who is signed in, the navigation, sign-out, and the language buttons. */
function renderChrome() {
  const signedIn = session.read();
  const nav = document.getElementById('nav');
  const current = location.hash.startsWith('#/contests') || location.hash.startsWith('#/events');
  replace(nav, signedIn ? navLinks(signedIn.user?.role, current) : null);
  const who = document.getElementById('who');
  replace(who, signedIn
    ? h('span', {
      i18n: ['nav.signedInAs', { name: signedIn.user?.displayName || signedIn.user?.username || '', role: signedIn.user?.role || '' }],
    })
    : null);
  document.getElementById('sign-out').hidden = !signedIn;
  relabelChrome();
}

/** The top navigation by role: each sees the pages of its own work. */
function navLinks(role, contestsCurrent) {
  const link = (hash, id, key, roles) => (roles.includes(role)
    ? h('a', { href: hash, id, i18n: key, 'aria-current': location.hash === hash || (id === 'nav-contests' && contestsCurrent) ? 'page' : null })
    : null);
  return [
    link('#/contests', 'nav-contests', 'nav.contests', ['ADMIN', 'ORGANIZER', 'HR', 'JUDGE']),
    link('#/judges', 'nav-judges', 'nav.judges', ['ADMIN', 'ORGANIZER']),
    link('#/persons', 'nav-persons', 'nav.persons', ['ADMIN', 'ORGANIZER', 'HR']),
    link('#/winners', 'nav-winners', 'nav.winners', ['ADMIN', 'HR']),
    link('#/award-policy', 'nav-policy', 'nav.policy', ['ADMIN', 'ORGANIZER']),
  ];
}

function relabelChrome() {
  document.getElementById('skip-link').textContent = i18n.t('app.skip');
  document.getElementById('brand-name').textContent = i18n.t('app.brand');
  document.getElementById('nav').setAttribute('aria-label', i18n.lang() === 'zh' ? '主导航' : 'Main');
  document.getElementById('lang-switch').setAttribute('aria-label', i18n.t('lang.label'));
  document.getElementById('sign-out').textContent = i18n.t('nav.signOut');
  document.getElementById('lang-zh').setAttribute('aria-pressed', String(i18n.lang() === 'zh'));
  document.getElementById('lang-en').setAttribute('aria-pressed', String(i18n.lang() === 'en'));
  // Roles are shown translated in the top bar.
  const whoText = document.querySelector('#who [data-i18n]');
  if (whoText) {
    const vars = JSON.parse(whoText.dataset.i18nVars || '{}');
    const role = session.read()?.user?.role;
    if (role) {
      vars.role = i18n.has(`enum.role.${role}`) ? i18n.t(`enum.role.${role}`) : role;
      whoText.dataset.i18nVars = JSON.stringify(vars);
      whoText.textContent = i18n.t('nav.signedInAs', vars);
    }
  }
  setTitle(titleBinding.key, titleBinding.vars);
}

document.getElementById('lang-zh').addEventListener('click', () => i18n.setLang('zh'));
document.getElementById('lang-en').addEventListener('click', () => i18n.setLang('en'));
document.getElementById('sign-out').addEventListener('click', () => {
  session.clear();
  pendingSignInNotice = 'signin.signedOut';
  returnTo = null;
  navigate('#/signin');
});
// The skip link must not change the hash: that is the router's.
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
i18n.onChange(relabelChrome);
window.addEventListener('hashchange', render);

render();
relabelChrome();
i18n.apply(document);
