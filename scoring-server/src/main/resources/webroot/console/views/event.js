// One event: its facts and marking scheme, its entries (GET /api/v1/events/{id}/entries) and the
// CSV import (POST /api/v1/events/{id}/entries:import, Content-Type text/csv, the file's bytes as
// the body). A rejected file lists every bad row's problems so the organizer can fix the file.
// Organizers may see ID numbers here; nothing on this page writes them anywhere else.

import { h, replace } from '/assets/js/dom.js';
import { bindText } from '/assets/js/i18n.js';
import { busy, enumLabel, facts, field, notices, table } from '../ui.js';

export const CSV_HEADER = 'bib,name,idNumber,employer,trainingUnit,currentLevel';
const MAX_CSV_BYTES = 10 * 1024 * 1024;
/** CSV columns → the message that names them. */
const COLUMN_LABELS = {
  bib: 'entries.bib', name: 'entries.name', idNumber: 'entries.idNumber', employer: 'entries.employer',
  trainingUnit: 'entries.trainingUnit', currentLevel: 'entries.currentLevel',
};

export function eventView(ctx) {
  const eventId = ctx.params[0];
  const pageBox = notices('event-notices');
  const importBox = notices('import-notices');
  const heading = h('h1', { id: 'event-title', i18n: ['event.title', { name: `#${eventId}` }] });
  const crumbContest = h('li', {});
  const crumbEvent = h('li', { 'aria-current': 'page', text: `#${eventId}` });
  const factsHolder = h('div', {}, h('p', { class: 'loading', i18n: 'common.loading' }));
  const schemeHolder = h('div', {});
  const entriesHolder = h('div', { id: 'entries-list' }, h('p', { class: 'loading', i18n: 'common.loading' }));
  const problemsHolder = h('div', { class: 'import-problems', id: 'import-problems' });

  function renderEvent(event) {
    const name = `${event.occupationName ?? ''}（${event.occupationCode ?? ''}）`;
    bindText(heading, 'event.title', { name });
    crumbEvent.textContent = event.occupationName ?? `#${eventId}`;
    ctx.setTitle('event.title', { name });
    replace(factsHolder, facts([
      ['contests.id', String(event.id)],
      ['events.occupationCode', h('span', { class: 'mono', text: event.occupationCode })],
      ['events.occupationName', event.occupationName ?? ''],
      ['events.group', enumLabel('group', event.group)],
      ['events.mode', [enumLabel('mode', event.mode), event.mode === 'TEAM' && event.teamSize ? ` × ${event.teamSize}` : '']],
      ['events.advanceQuota', String(event.advanceQuota ?? '—')],
      ['events.advanceMinScore', String(event.advanceMinScore ?? '—')],
      ['events.locked', event.locked ? h('span', { class: 'badge locked', i18n: 'events.lockedYes' }) : h('span', { i18n: 'events.lockedNo' })],
      ['event.tieBreak', (event.scheme?.tieBreak ?? []).length > 0 ? h('code', { text: event.scheme.tieBreak.join(', ') }) : h('span', { i18n: 'common.none' })],
    ]));
    const criteria = Array.isArray(event.scheme?.criteria) ? event.scheme.criteria : [];
    replace(schemeHolder, table({
      testId: 'scheme-table',
      captionKey: 'event.scheme',
      columns: ['code', 'module', 'name', 'kind', 'maxMark', 'method', 'judges', 'trim'].map((c) => ({
        key: `criteria.${c}`, class: ['maxMark', 'judges', 'trim'].includes(c) ? 'num' : undefined,
      })),
      rows: criteria.map((c) => h('tr', {},
        h('td', { class: 'mono', text: c.code }), h('td', { text: c.module }), h('td', { class: 'wrap', text: c.name }),
        h('td', {}, enumLabel('kind', c.kind)), h('td', { class: 'num', text: c.maxMark }),
        h('td', {}, enumLabel('method', c.method)), h('td', { class: 'num', text: c.judges }),
        h('td', { class: 'num', text: c.method === 'TRIMMED_MEAN' ? (c.trim ?? 1) : '—' }))),
      emptyKey: 'common.none',
    }));
  }

  async function renderContestCrumb(contestId) {
    replace(crumbContest, h('a', { href: `#/contests/${contestId}`, text: `#${contestId}` }));
    try {
      const contest = await ctx.api.get(`/api/v1/contests/${contestId}`);
      replace(crumbContest, h('a', { href: `#/contests/${contestId}`, text: contest.name }));
    } catch {
      // the link by id is enough
    }
  }

  function memberCells(member) {
    return [
      h('td', { text: member?.name ?? '' }),
      h('td', { class: 'id-number', text: member?.idNumber ?? '' }),
      h('td', { text: member?.employer ?? '' }),
      h('td', { text: member?.trainingUnit ?? '' }),
      h('td', {}, enumLabel('level', member?.currentLevel)),
    ];
  }

  /** An individual is one row; a team is one row per member, bib and status spanning them. */
  function entryRows(entry) {
    const members = Array.isArray(entry.members) && entry.members.length > 0 ? entry.members : [entry.competitor ?? {}];
    const span = members.length;
    const source = entry.source
      ? h('span', { i18n: ['entries.advanced', { entryId: entry.source.entryId, rank: entry.source.rank }] })
      : h('span', { class: 'muted', i18n: 'entries.direct' });
    const first = h('tr', { dataset: { entryId: String(entry.id), bib: String(entry.bib ?? '') } },
      h('td', { rowspan: span, class: 'mono bib' }, entry.teamName ? h('span', { class: 'team-name', text: entry.teamName }) : null, entry.bib ?? ''),
      memberCells(members[0]),
      h('td', { rowspan: span }, h('span', { class: `badge ${entry.status}` }, enumLabel('entryStatus', entry.status))),
      h('td', { rowspan: span, class: 'mono', text: entry.homeRegionCode ?? '' }),
      h('td', { rowspan: span }, source));
    return [first, ...members.slice(1).map((member) => h('tr', { dataset: { entryId: String(entry.id) } }, memberCells(member)))];
  }

  async function loadEntries() {
    try {
      const result = await ctx.api.get(`/api/v1/events/${eventId}/entries`);
      const entries = Array.isArray(result?.items) ? result.items : [];
      replace(entriesHolder,
        h('p', { class: 'muted', id: 'entries-count', i18n: ['event.entriesCount', { n: entries.length }] }),
        table({
          testId: 'entries-table',
          captionKey: 'event.entries',
          columns: [
            { key: 'entries.bib' }, { key: 'entries.name' }, { key: 'entries.idNumber' }, { key: 'entries.employer' },
            { key: 'entries.trainingUnit' }, { key: 'entries.currentLevel' }, { key: 'entries.status' },
            { key: 'entries.homeRegion' }, { key: 'entries.source' },
          ],
          rows: entries.flatMap(entryRows),
          emptyKey: 'event.entriesEmpty',
        }));
      entriesHolder.querySelector('table')?.classList.add('entries-table');
    } catch (error) {
      pageBox.error(error);
      replace(entriesHolder);
    }
  }

  // The CSV import.
  const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,text/csv' });
  const submit = h('button', { type: 'submit', class: 'btn primary', id: 'import-submit', i18n: 'event.importSubmit' });
  const importForm = h('form', { novalidate: true, id: 'import-form' },
    h('div', { class: 'form-grid' }, field({ name: 'file', labelKey: 'event.importFile', control: file, wide: true })),
    submit);
  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    importBox.clear();
    replace(problemsHolder);
    const chosen = file.files?.[0];
    if (!chosen) {
      importBox.errorKey('event.importChoose');
      file.focus();
      return;
    }
    if (chosen.size > MAX_CSV_BYTES) {
      importBox.errorKey('event.importTooLarge');
      return;
    }
    await busy(submit, async () => {
      try {
        const result = await ctx.api.upload(`/api/v1/events/${eventId}/entries:import`, chosen, 'text/csv');
        importBox.success('event.imported', { n: result?.imported ?? 0 });
        file.value = '';
        await loadEntries();
      } catch (error) {
        if (error.status === 400 && error.details.length > 0) {
          importBox.errorKey('event.importFailed');
          replace(problemsHolder, problemsTable(error.details));
          problemsHolder.querySelector('table')?.focus();
        } else {
          importBox.error(error);
        }
      }
    });
  });

  async function load() {
    try {
      const event = await ctx.api.get(`/api/v1/events/${eventId}`);
      renderEvent(event);
      if (event.contestId) {
        renderContestCrumb(event.contestId);
      }
    } catch (error) {
      pageBox.error(error);
      replace(factsHolder);
    }
    await loadEntries();
  }
  load();

  const template = `data:text/csv;charset=utf-8,${encodeURIComponent(`${CSV_HEADER}\r\n`)}`;
  const el = h('section', { 'aria-labelledby': 'event-title' },
    h('nav', { class: 'breadcrumbs', i18nAttrs: { 'aria-label': 'nav.contests' } },
      h('ol', {}, h('li', {}, h('a', { href: '#/contests', i18n: 'nav.contests' })), crumbContest, crumbEvent)),
    h('div', { class: 'spread' }, heading,
      h('a', { class: 'btn', id: 'event-live-link', href: `#/events/${eventId}/live`, i18nAttrs: { title: 'event.liveLink' } },
        h('span', { class: 'live-dot', 'aria-hidden': 'true' }), h('span', { i18n: 'event.live' }))),
    pageBox.el,
    h('section', { class: 'card', 'aria-labelledby': 'event-facts-title' },
      h('h2', { id: 'event-facts-title', i18n: 'event.facts' }),
      factsHolder,
      schemeHolder),
    h('section', { class: 'card', 'aria-labelledby': 'import-title' },
      h('h2', { id: 'import-title', i18n: 'event.import' }),
      h('p', { i18n: 'event.importIntro' }),
      h('pre', { class: 'code', id: 'csv-header' }, h('code', { text: CSV_HEADER })),
      h('p', { class: 'hint', i18n: 'event.importLevels' }),
      h('p', {}, h('a', { href: template, download: 'entries-template.csv', i18n: 'event.template' })),
      importBox.el,
      importForm,
      problemsHolder),
    h('section', { class: 'card', 'aria-labelledby': 'entries-title' },
      h('h2', { id: 'entries-title', i18n: 'event.entries' }),
      entriesHolder));
  return { el, title: { key: 'event.title', vars: { name: `#${eventId}` } } };
}

/** Every problem of a rejected file: details[].field "row 7: idNumber" → row 7, field idNumber. */
function problemsTable(details) {
  const rows = details.map((detail) => {
    const match = /^row\s+(\d+)\s*:\s*(.*)$/i.exec(detail.field || '');
    const row = match ? match[1] : '';
    const column = match ? match[2] : detail.field || '';
    return h('tr', { dataset: { row, field: column } },
      h('td', { class: 'num row-no', text: row || '—' }),
      h('td', {}, h('code', { text: column }), COLUMN_LABELS[column] ? [' ', h('span', { class: 'muted' }, '(', h('span', { i18n: COLUMN_LABELS[column] }), ')')] : null),
      h('td', { class: 'wrap', text: detail.problem }));
  });
  const wrap = table({
    testId: 'import-problems-table',
    captionKey: 'event.importProblems',
    columns: [{ key: 'event.importRow', class: 'num' }, { key: 'event.importField' }, { key: 'event.importProblem' }],
    rows,
    emptyKey: 'common.none',
  });
  wrap.querySelector('table').tabIndex = -1;
  return wrap;
}
