// /verify/{no}: anyone checks a certificate (GET /api/v1/verify/{no}) — masked holder, occupation,
// level, issue date, issuer, and VALID or REVOKED in large type. A malformed or unknown number gets a
// page that says so, with a box to try another; nothing here ever shows an ID number.

import { h, replace } from '/assets/js/dom.js';
import * as i18n from '/assets/js/i18n.js';
import { languageButtons } from '/assets/js/lang-buttons.js';
import { messages } from './messages.js';

i18n.register(messages);

const main = document.getElementById('main');
const LEVELS = { L5: '五级/初级工', L4: '四级/中级工', L3: '三级/高级工', L2: '二级/技师', L1: '一级/高级技师' };
const LEVELS_EN = { L5: 'Level 5 (junior)', L4: 'Level 4 (intermediate)', L3: 'Level 3 (senior)', L2: 'Level 2 (technician)', L1: 'Level 1 (senior technician)' };

function numberFromPath() {
  const raw = location.pathname.replace(/^\/verify\/?/, '');
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw;
  }
}

function lookupForm(value) {
  const input = h('input', { type: 'text', id: 'verify-number', maxlength: 40, autocomplete: 'off', spellcheck: 'false', value });
  const form = h('form', { class: 'lookup', id: 'verify-form' },
    h('label', { for: 'verify-number', i18n: 'form.label' }), input,
    h('button', { type: 'submit', class: 'btn primary', i18n: 'form.submit' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = input.value.trim();
    if (next) {
      location.assign(`/verify/${encodeURIComponent(next)}`);
    }
  });
  return form;
}

function fact(key, value, id) {
  return h('div', { class: 'fact' }, h('dt', { i18n: key }), h('dd', { id, text: value }));
}

function showCertificate(no, v) {
  const levelName = () => (i18n.lang() === 'en' ? LEVELS_EN[v.level] : LEVELS[v.level]) || v.levelName;
  const level = h('dd', { id: 'verify-level', text: levelName() });
  i18n.onChange(() => { level.textContent = levelName(); });
  replace(main,
    h('section', { class: `result ${v.status}`, id: 'verify-result', dataset: { status: v.status } },
      h('p', { class: 'status', id: 'verify-status', i18n: `status.${v.status}` }),
      h('p', { class: 'status-note', i18n: v.status === 'VALID' ? 'valid.note' : 'revoked.note' }),
      h('dl', { class: 'facts' },
        fact('field.number', no, 'verify-no'),
        fact('field.holder', v.holder, 'verify-holder'),
        fact('field.occupation', `${v.occupation}（${v.occupationCode}）`, 'verify-occupation'),
        h('div', { class: 'fact' }, h('dt', { i18n: 'field.level' }), level),
        fact('field.issuedOn', v.issuedOn, 'verify-issued-on'),
        fact('field.issuer', v.issuer, 'verify-issuer')),
      h('p', { class: 'muted', i18n: 'privacy' })),
    lookupForm(''));
}

function showProblem(key, vars, value) {
  replace(main, h('section', { class: 'result problem', id: 'verify-result', dataset: { status: 'PROBLEM' } },
    h('p', { class: 'problem-text', id: 'verify-problem', i18n: [key, vars] })), lookupForm(value));
}

async function check() {
  const no = numberFromPath();
  if (!no) {
    replace(main, lookupForm(''));
    return;
  }
  let response;
  try {
    response = await fetch(`/api/v1/verify/${encodeURIComponent(no)}`, { headers: { Accept: 'application/json' } });
  } catch {
    showProblem('error.unavailable', {}, no);
    return;
  }
  if (response.ok) {
    showCertificate(no, await response.json());
  } else if (response.status === 400) {
    showProblem('error.malformed', { no }, no);
  } else if (response.status === 404) {
    showProblem('error.notFound', { no }, no);
  } else if (response.status === 429) {
    showProblem('error.rateLimited', { seconds: response.headers.get('Retry-After') || '10' }, no);
  } else {
    showProblem('error.unavailable', {}, no);
  }
}

languageButtons(() => {
  document.getElementById('brand-name').textContent = i18n.t('app.brand');
  document.title = `${i18n.t('page.title')} · Craftmark`;
});
check();
