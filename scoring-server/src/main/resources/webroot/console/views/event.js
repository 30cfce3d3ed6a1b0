// One event: its facts and marking scheme, its entries (GET /api/v1/events/{id}/entries) and the
// CSV import (POST /api/v1/events/{id}/entries:import, Content-Type text/csv, the file's bytes as
// the body). A rejected file lists every bad row's problems so the organizer can fix the file.
// Organizers may see ID numbers here; nothing on this page writes them anywhere else.

import { h, replace } from '/assets/js/dom.js';
import { formatDuration } from '/assets/js/format.js';
import { bindText } from '/assets/js/i18n.js';
import { entryFacts, organizes, registration } from '../access.js';
import { busy, confirmed, enumLabel, enumOptions, facts, field, gate, maskedId, notices, table } from '../ui.js';
import { entryForm } from './entry-form.js';

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
  const addHolder = h('div', { id: 'entry-add' });
  const editHolder = h('div', { id: 'entry-edit' });
  const entryBox = notices('entry-notices');
  let shownEvent = null;
  let shownContest = null;

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
      h('td', { class: 'id-number' }, maskedId(member?.idNumber)),
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
      h('td', { rowspan: span },
        h('span', { class: `badge ${entry.status}` }, enumLabel('entryStatus', entry.status)),
        entry.statusReason ? h('span', { class: 'muted status-reason', text: ` ${entry.statusReason}` }) : null,
        entry.completionSeconds !== null && entry.completionSeconds !== undefined
          ? h('span', { class: 'muted completion', text: ` ⏱ ${formatDuration(entry.completionSeconds)}` }) : null),
      h('td', { rowspan: span }, source),
      h('td', { rowspan: span, class: 'actions-cell' }, entryActions(entry)));
    return [first, ...members.slice(1).map((member) => h('tr', { dataset: { entryId: String(entry.id) } }, memberCells(member)))];
  }

  /** Edit (while registration is open), status with reason, completion time, reveal the ID numbers. */
  function entryActions(entry) {
    const edit = h('button', { type: 'button', class: 'btn small', dataset: { action: 'edit' }, i18n: 'entryForm.edit' });
    edit.addEventListener('click', () => {
      replace(editHolder, h('section', { class: 'card', 'aria-labelledby': 'entry-edit-title' },
        h('h2', { id: 'entry-edit-title', i18n: ['entryForm.editTitle', { bib: entry.bib }] }),
        entryForm(ctx, shownEvent, {
          entry, onDone: () => { replace(editHolder); loadEntries(); }, onCancel: () => replace(editHolder),
        })));
      editHolder.querySelector('input')?.focus();
    });
    const status = h('select', { class: 'status-select', dataset: { entryId: String(entry.id) } },
      enumOptions('entryStatus', ['ACTIVE', 'DNS', 'DQ'], entry.status));
    const reason = h('input', { type: 'text', class: 'status-reason-input', maxlength: 500, value: entry.statusReason ?? '', i18nAttrs: { placeholder: 'entryForm.reason', 'aria-label': 'entryForm.reason' } });
    const setStatus = h('button', { type: 'button', class: 'btn small', dataset: { action: 'status' }, i18n: 'entryForm.setStatus' });
    setStatus.addEventListener('click', () => change(setStatus, `/api/v1/entries/${entry.id}/status`, 'post',
      { status: status.value, reason: reason.value.trim() || null }, 'entryForm.statusSet', entry));
    const minutes = h('input', { type: 'text', class: 'time-input', inputmode: 'numeric', maxlength: 8, value: entry.completionSeconds != null ? formatDuration(entry.completionSeconds) : '',
      i18nAttrs: { placeholder: 'entryForm.timeHint', 'aria-label': 'entryForm.time' } });
    const setTime = h('button', { type: 'button', class: 'btn small', dataset: { action: 'time' }, i18n: 'entryForm.setTime' });
    setTime.addEventListener('click', () => change(setTime, `/api/v1/entries/${entry.id}/time`, 'put',
      { seconds: seconds(minutes.value) }, 'entryForm.timeSet', entry));
    const reveal = h('button', { type: 'button', class: 'btn small', dataset: { action: 'reveal' }, i18n: 'entryForm.reveal' });
    reveal.addEventListener('click', async () => {
      if (!confirmed('entryForm.revealConfirm', { bib: entry.bib })) {
        return;
      }
      await busy(reveal, async () => {
        try {
          const full = await ctx.api.post(`/api/v1/entries/${entry.id}/reveal-id`, {});
          const people = full.members ?? [full.competitor];
          replace(reveal.parentElement, ...people.map((m) => h('span', { class: 'mono revealed', text: `${m.name} ${m.idNumber}` })));
        } catch (error) {
          entryBox.error(error);
        }
      });
    });
    const facts = entryFacts(ctx.user, shownContest, shownEvent, false);
    return h('div', { class: 'entry-actions' },
      gate(edit, registration(ctx.user, shownContest)),
      h('span', { class: 'row' }, status, reason, gate(setStatus, facts)),
      h('span', { class: 'row' }, minutes, gate(setTime, facts)),
      organizes(ctx.user) ? h('span', {}, reveal) : null);
  }

  /** "1:30:00", "90:00" or "5400" → seconds; anything else goes to the server as typed (it says what is wrong). */
  function seconds(text) {
    const parts = text.trim().split(':').map((p) => p.trim());
    if (parts.every((p) => /^\d+$/.test(p)) && parts.length <= 3) {
      return parts.reduce((sum, p) => sum * 60 + Number(p), 0);
    }
    return text.trim();
  }

  async function change(button, path, method, body, successKey, entry) {
    entryBox.clear();
    await busy(button, async () => {
      try {
        await ctx.api[method](path, body);
        entryBox.success(successKey, { bib: entry.bib });
        await loadEntries();
      } catch (error) {
        entryBox.error(error, error.details, entry.bib);
      }
    });
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
            { key: 'entries.source' }, { key: 'contests.actions' },
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
  const submitHolder = h('div', { id: 'import-submit-holder' }, submit);
  const importForm = h('form', { novalidate: true, id: 'import-form' },
    h('div', { class: 'form-grid' }, field({ name: 'file', labelKey: 'event.importFile', control: file, wide: true })),
    submitHolder);
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
      shownEvent = event;
      shownContest = await ctx.api.get(`/api/v1/contests/${event.contestId}`).catch(() => null);
      renderEvent(event);
      if (event.contestId) {
        renderContestCrumb(event.contestId);
      }
      const rule = registration(ctx.user, shownContest);
      replace(submitHolder, gate(submit, rule));
      replace(addHolder, rule.allowed
        ? entryForm(ctx, event, { onDone: () => loadEntries() })
        : h('p', { class: 'muted', id: 'entry-add-closed', i18n: rule.reasonKey }));
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
      h('div', { class: 'row' },
        h('a', { class: 'btn', id: 'event-panel-link', href: `#/events/${eventId}/panel`, i18n: 'event.panel' }),
        h('a', { class: 'btn', id: 'event-desk-link', href: `#/events/${eventId}/desk`, i18n: 'event.desk' }),
        h('a', { class: 'btn', id: 'event-live-link', href: `#/events/${eventId}/live`, i18nAttrs: { title: 'event.liveLink' } },
          h('span', { class: 'live-dot', 'aria-hidden': 'true' }), h('span', { i18n: 'event.live' })))),
    pageBox.el,
    h('section', { class: 'card', 'aria-labelledby': 'event-facts-title' },
      h('h2', { id: 'event-facts-title', i18n: 'event.facts' }),
      factsHolder,
      schemeHolder),
    h('section', { class: 'card', 'aria-labelledby': 'entry-add-title' },
      h('h2', { id: 'entry-add-title', i18n: 'entryForm.addTitle' }),
      addHolder),
    h('section', { class: 'card', 'aria-labelledby': 'import-title' },
      h('h2', { id: 'import-title', i18n: 'event.import' }),
      h('p', { i18n: 'event.importIntro' }),
      h('pre', { class: 'code', id: 'csv-header' }, h('code', { text: CSV_HEADER })),
      h('p', { class: 'hint', i18n: 'event.importLevels' }),
      h('p', {}, h('a', { href: template, download: 'entries-template.csv', i18n: 'event.template' })),
      importBox.el,
      importForm,
      problemsHolder),
    editHolder,
    h('section', { class: 'card', 'aria-labelledby': 'entries-title' },
      h('h2', { id: 'entries-title', i18n: 'event.entries' }),
      entryBox.el,
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
