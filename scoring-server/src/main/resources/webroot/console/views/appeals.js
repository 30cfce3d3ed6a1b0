// Appeals (申诉) of one contest, #/contests/{id}/appeals: file one while the notice period (公示)
// runs, decide open ones (UPHELD reopens the event for the chief judge's corrections; REJECTED
// changes nothing), and see the results version that published an upheld appeal's corrections.

import { h, replace } from '/assets/js/dom.js';
import { bindText } from '/assets/js/i18n.js';
import { busy, field, notices, showProblems, table } from '../ui.js';
import { dateTime } from './lifecycle.js';

export function appealsView(ctx) {
  const contestId = ctx.params[0];
  const heading = h('h1', { id: 'appeals-title', i18n: ['appeals.title', { name: `#${contestId}` }] });
  const crumb = h('a', { href: `#/contests/${contestId}`, text: `#${contestId}` });
  const pageBox = notices('appeals-notices');
  const formBox = notices('appeal-form-notices');
  const listHolder = h('div', { id: 'appeals-list' }, h('p', { class: 'loading', i18n: 'common.loading' }));
  const formHolder = h('div', { id: 'appeal-form-holder' });
  let contest = null;
  let appealsOpen = false;
  let events = [];

  const eventSelect = h('select', { id: 'appeal-event' });
  const entrySelect = h('select', { id: 'appeal-entry' });
  const reason = h('textarea', { id: 'appeal-reason', rows: 3, maxlength: 1000 });
  const submit = h('button', { type: 'submit', class: 'btn primary', id: 'appeal-submit', i18n: 'appeals.file' });
  const form = h('form', { class: 'form', id: 'appeal-form', novalidate: true },
    field({ name: 'eventId', labelKey: 'appeals.event', control: eventSelect }),
    field({ name: 'entryId', labelKey: 'appeals.entry', control: entrySelect }),
    field({ name: 'reason', labelKey: 'appeals.reason', control: reason, wide: true, hintKey: 'appeals.reasonHint' }),
    formBox.el,
    h('div', { class: 'row' }, submit));

  async function loadEntries() {
    replace(entrySelect);
    if (!eventSelect.value) {
      return;
    }
    try {
      const board = await ctx.api.get(`/api/v1/events/${eventSelect.value}/leaderboard?version=${contest.resultsVersion}`);
      replace(entrySelect, board.rows.map((r) => h('option', { value: String(r.entryId), text: `${r.bib} ${r.name}` })));
    } catch (error) {
      formBox.error(error);
    }
  }
  eventSelect.addEventListener('change', loadEntries);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    formBox.clear();
    await busy(submit, async () => {
      try {
        const filed = await ctx.api.post(`/api/v1/events/${eventSelect.value}/appeals`,
          { entryId: Number(entrySelect.value), reason: reason.value });
        formBox.success('appeals.filed', { id: filed.id, bib: filed.bib });
        reason.value = '';
        await loadAppeals();
      } catch (error) {
        showProblems(form, error, formBox);
      }
    });
  });

  function renderForm() {
    if (!appealsOpen) {
      replace(formHolder, h('p', { class: 'muted', id: 'appeal-form-closed',
        i18n: contest.status === 'PUBLISHED' ? ['appeals.noticeOver', { end: dateTime(contest.noticeEndsAt) }] : 'appeals.notPublished' }));
      return;
    }
    replace(eventSelect, events.map((e) => h('option', { value: String(e.id), text: `${e.occupationName}（${e.occupationCode}）` })));
    replace(formHolder, h('p', { class: 'hint', i18n: ['appeals.noticeRuns', { end: dateTime(contest.noticeEndsAt) }] }), form);
    loadEntries();
  }

  function eventName(id) {
    const found = events.find((e) => e.id === id);
    return found ? found.occupationName : `#${id}`;
  }

  function decisionCell(appeal) {
    if (appeal.status !== 'OPEN') {
      return h('div', {},
        h('span', { class: `badge ${appeal.status}`, i18n: `appeals.status.${appeal.status}` }),
        appeal.note ? h('p', { class: 'note', text: appeal.note }) : null,
        appeal.resolvedBy ? h('p', { class: 'muted', i18n: ['appeals.decidedBy', { who: appeal.resolvedBy, when: dateTime(appeal.resolvedAt) }] }) : null);
    }
    const note = h('input', { type: 'text', class: 'note-input', maxlength: 1000, i18nAttrs: { placeholder: 'appeals.notePlaceholder', 'aria-label': 'appeals.note' } });
    const decide = (decision, button) => busy(button, async () => {
      pageBox.clear();
      try {
        await ctx.api.post(`/api/v1/appeals/${appeal.id}/resolve`, { decision, note: note.value });
        pageBox.success(`appeals.decided.${decision}`, { id: appeal.id, bib: appeal.bib });
        await loadAppeals();
      } catch (error) {
        pageBox.error(error, error.details, `#${appeal.id}`);
      }
    });
    const uphold = h('button', { type: 'button', class: 'btn small', dataset: { decision: 'UPHELD' }, i18n: 'appeals.uphold' });
    const reject = h('button', { type: 'button', class: 'btn small', dataset: { decision: 'REJECTED' }, i18n: 'appeals.reject' });
    uphold.addEventListener('click', () => decide('UPHELD', uphold));
    reject.addEventListener('click', () => decide('REJECTED', reject));
    return h('div', { class: 'decide' }, note, h('div', { class: 'row' }, uphold, reject));
  }

  function versionCell(appeal) {
    if (appeal.correctedInVersion) {
      return h('a', { href: `/results/${contestId}?version=${appeal.correctedInVersion}`, target: '_blank', rel: 'noopener',
        i18n: ['appeals.correctedIn', { version: appeal.correctedInVersion }] });
    }
    return appeal.status === 'UPHELD' ? h('span', { class: 'muted', i18n: 'appeals.awaiting' }) : h('span', { i18n: 'common.dash' });
  }

  function appealRow(appeal) {
    return h('tr', { dataset: { appealId: String(appeal.id), status: appeal.status } },
      h('td', { class: 'num', text: `#${appeal.id}` }),
      h('td', { text: eventName(appeal.eventId) }),
      h('td', { class: 'mono', text: appeal.bib }),
      h('td', { class: 'wrap', text: appeal.reason }),
      h('td', { class: 'num', i18n: ['appeals.versionN', { version: appeal.disputedVersion }] }),
      h('td', {}, h('span', { text: appeal.filedBy }), h('br'), h('span', { class: 'muted', text: dateTime(appeal.filedAt) })),
      h('td', {}, decisionCell(appeal)),
      h('td', {}, versionCell(appeal)));
  }

  async function loadAppeals() {
    try {
      const result = await ctx.api.get(`/api/v1/contests/${contestId}/appeals`);
      replace(listHolder, table({
        testId: 'appeals-table',
        columns: [{ key: 'appeals.id', class: 'num' }, { key: 'appeals.event' }, { key: 'appeals.bib' }, { key: 'appeals.reason' },
          { key: 'appeals.disputed', class: 'num' }, { key: 'appeals.filedColumn' }, { key: 'appeals.decision' }, { key: 'appeals.version' }],
        rows: result.items.map(appealRow),
        emptyKey: 'appeals.empty',
      }));
    } catch (error) {
      pageBox.error(error);
      replace(listHolder);
    }
  }

  async function load() {
    try {
      const [lifecycle, e] = await Promise.all([ctx.api.get(`/api/v1/contests/${contestId}/lifecycle`),
        ctx.api.get(`/api/v1/contests/${contestId}/events`)]);
      contest = lifecycle.contest;
      appealsOpen = lifecycle.appealsOpen;
      events = e.items;
      bindText(heading, 'appeals.title', { name: contest.name });
      crumb.textContent = contest.name;
      ctx.setTitle('appeals.title', { name: contest.name });
      renderForm();
      await loadAppeals();
    } catch (error) {
      pageBox.error(error);
    }
  }
  load();

  const el = h('section', { 'aria-labelledby': 'appeals-title' },
    h('nav', { class: 'breadcrumbs', i18nAttrs: { 'aria-label': 'nav.contests' } },
      h('ol', {}, h('li', {}, h('a', { href: '#/contests', i18n: 'nav.contests' })), h('li', {}, crumb),
        h('li', { 'aria-current': 'page', i18n: 'contest.appealsLink' }))),
    heading,
    pageBox.el,
    h('section', { class: 'card', 'aria-labelledby': 'appeal-form-title' },
      h('h2', { id: 'appeal-form-title', i18n: 'appeals.fileTitle' }), formHolder),
    h('section', { class: 'card', 'aria-labelledby': 'appeals-list-title' },
      h('h2', { id: 'appeals-list-title', i18n: 'appeals.list' }), h('p', { class: 'hint', i18n: 'appeals.upheldHint' }), listHolder));
  return { el, title: { key: 'appeals.title', vars: { name: `#${contestId}` } } };
}
