// The big screen: /live/{eventId} shows one event's live leaderboard; /live/kiosk?contestId=…
// cycles through a contest's events. ?lang=en for English (中文 by default); ?preview=1 lets a
// signed-in organizer (the console opens this page) see an ON_PUBLISH contest before publication.
// Plain modules, no build step, nothing from outside this server.

import { h, replace } from '/assets/js/dom.js';
import { Board } from './board.js';
import { Kiosk } from './kiosk.js';
import { htmlLang, t } from './messages.js';

document.documentElement.lang = htmlLang;
document.title = t('app.title');

const params = new URLSearchParams(location.search);
const preview = params.get('preview') === '1';
const screen = document.getElementById('screen');
const eventMatch = /^\/live\/(\d{1,15})\/?$/.exec(location.pathname);

if (eventMatch) {
  const board = new Board({ eventId: Number(eventMatch[1]), preview });
  replace(screen, h('div', { class: 'layer' }, board.el));
  board.start();
  window.craftmarkBoard = board;
} else if (/^\/live\/kiosk\/?$/.test(location.pathname)) {
  const contestId = /^\d{1,15}$/.test(params.get('contestId') || '') ? params.get('contestId') : null;
  const kiosk = new Kiosk(screen, { contestId, seconds: params.get('seconds'), preview });
  document.body.classList.add('kiosk');
  kiosk.start();
  window.craftmarkKiosk = kiosk;
} else {
  replace(screen, h('div', { class: 'layer message-layer' },
    h('div', { class: 'message help' }, h('h1', { text: t('help.title') }), h('p', { text: t('help.body') }))));
}
