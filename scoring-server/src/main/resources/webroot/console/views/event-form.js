// The form for a new event (竞赛项目) with its marking scheme (评分表):
// POST /api/v1/contests/{id}/events. The criteria are an editable table; the server's problems
// (details[].field like "scheme.criteria[2].judges", counted from 0) are listed under the row
// they belong to and the cell is marked invalid.

import { h, replace } from '/assets/js/dom.js';
import { bindAttr, t } from '/assets/js/i18n.js';
import { busy, clearProblems, enumOptions, field, notices, numberOrText, showProblems } from '../ui.js';

const GROUPS = ['EMPLOYEE', 'STUDENT'];
const MODES = ['INDIVIDUAL', 'TEAM'];
const KINDS = ['MEASUREMENT', 'JUDGEMENT', 'DEDUCTION'];
const METHODS = ['SINGLE', 'MEAN', 'TRIMMED_MEAN', 'MEDIAN', 'WSS'];
/** The fewest judges each method needs (TRIMMED_MEAN with trim 1). */
const MIN_JUDGES = { SINGLE: 1, MEAN: 2, TRIMMED_MEAN: 3, MEDIAN: 3, WSS: 3 };
const COLUMNS = ['code', 'module', 'name', 'kind', 'maxMark', 'method', 'judges', 'trim'];

/** onCreated(event) is called after a 201. */
export function eventForm(ctx, contestId, onCreated) {
  const box = notices('event-form-notices');
  const occupationCode = h('input', { id: 'event-occupation-code', type: 'text', maxlength: 20, placeholder: '6-18-01-01', autocomplete: 'off' });
  const occupationName = h('input', { id: 'event-occupation-name', type: 'text', maxlength: 100, placeholder: '车工' });
  const group = h('select', { id: 'event-group' }, enumOptions('group', GROUPS, 'EMPLOYEE'));
  const mode = h('select', { id: 'event-mode' }, enumOptions('mode', MODES, 'INDIVIDUAL'));
  const teamSize = h('input', { id: 'event-team-size', type: 'number', inputmode: 'numeric', min: 2, max: 6, step: 1, disabled: true });
  const advanceQuota = h('input', { id: 'event-advance-quota', type: 'number', inputmode: 'numeric', min: 0, step: 1 });
  const advanceMinScore = h('input', { id: 'event-advance-min-score', type: 'number', inputmode: 'decimal', min: 0, step: '0.01' });
  const tieBreak = h('input', { id: 'event-tie-break', type: 'text', autocomplete: 'off', placeholder: 'MODULE:A, TIME' });
  const submit = h('button', { type: 'submit', class: 'btn primary', id: 'event-submit', i18n: 'events.createSubmit' });

  mode.addEventListener('change', () => {
    teamSize.disabled = mode.value !== 'TEAM';
    if (mode.value === 'TEAM' && !teamSize.value) {
      teamSize.value = 2;
    }
    if (mode.value !== 'TEAM') {
      teamSize.value = '';
    }
  });

  const criteriaBody = h('tbody', { id: 'criteria-rows' });
  const schemeProblems = h('ul', { dataset: { problemsList: '' }, id: 'scheme-problems' });
  const schemeProblemsBox = h('div', { class: 'alert error', hidden: true, dataset: { problemsContainer: '' } },
    h('p', { i18n: 'events.schemeProblems' }), schemeProblems);
  const addButton = h('button', { type: 'button', class: 'btn', id: 'criterion-add', i18n: 'events.addCriterion' });
  addButton.addEventListener('click', () => {
    const row = addCriterion({});
    row.querySelector('input').focus();
  });

  /** One criterion: its editing row, then a row that lists its problems (hidden when none). */
  function addCriterion(values) {
    const cells = {
      code: h('input', { type: 'text', maxlength: 20, value: values.code ?? '' }),
      module: h('input', { type: 'text', maxlength: 20, value: values.module ?? '' }),
      name: h('input', { type: 'text', maxlength: 100, value: values.name ?? '' }),
      kind: h('select', {}, enumOptions('kind', KINDS, values.kind ?? 'MEASUREMENT')),
      maxMark: h('input', { type: 'number', inputmode: 'decimal', min: 0.01, max: 100, step: '0.01', value: values.maxMark ?? '' }),
      method: h('select', {}, enumOptions('method', METHODS, values.method ?? 'SINGLE')),
      judges: h('input', { type: 'number', inputmode: 'numeric', min: 1, step: 1, value: values.judges ?? 1 }),
      trim: h('input', { type: 'number', inputmode: 'numeric', min: 1, step: 1, value: values.trim ?? '' }),
    };
    const syncTrim = () => {
      const trimmed = cells.method.value === 'TRIMMED_MEAN';
      cells.trim.disabled = !trimmed;
      if (trimmed && !cells.trim.value) {
        cells.trim.value = 1;
      }
      if (!trimmed) {
        cells.trim.value = '';
      }
    };
    cells.method.addEventListener('change', () => {
      syncTrim();
      const judges = Number(cells.judges.value);
      const minimum = MIN_JUDGES[cells.method.value];
      if (cells.method.value === 'SINGLE' || !Number.isFinite(judges) || judges < minimum) {
        cells.judges.value = minimum;
      }
    });
    syncTrim();

    const remove = h('button', { type: 'button', class: 'btn small danger criterion-remove', i18n: 'events.removeCriterion' });
    const problemsList = h('ul', { dataset: { problemsList: '' } });
    const problemsRow = h('tr', { class: 'criterion-problems', hidden: true, dataset: { problemsContainer: '' } },
      h('td', { colspan: COLUMNS.length + 2 }, h('strong', { class: 'row-title' }), problemsList));
    const row = h('tr', { class: 'criterion' },
      h('td', { class: 'no' }),
      COLUMNS.map((column) => h('td', { class: column, dataset: { column, labelKey: `criteria.${column}` } }, cells[column])),
      h('td', {}, remove));
    row.criterionCells = cells;
    row.problemsRow = problemsRow;
    row.problemsList = problemsList;
    remove.addEventListener('click', () => {
      const next = row.problemsRow.nextElementSibling || row.previousElementSibling;
      row.problemsRow.remove();
      row.remove();
      renumber();
      clearProblems(criteriaBody);
      (next?.querySelector('input') || addButton).focus();
    });
    criteriaBody.append(row, problemsRow);
    renumber();
    return row;
  }

  /** Row numbers, labels and data-field names follow the rows' order (index i ↔ scheme.criteria[i]). */
  function renumber() {
    [...criteriaBody.querySelectorAll('tr.criterion')].forEach((row, index) => {
      const n = index + 1;
      const listId = `criterion-${index}-problems`;
      row.dataset.field = `scheme.criteria[${index}]`;
      row.dataset.problemsIn = listId;
      row.dataset.index = String(index);
      row.problemsList.id = listId;
      row.problemsRow.dataset.index = String(index);
      replace(row.querySelector('td.no'), h('span', { i18n: ['events.criterionRow', { n }] }));
      replace(row.problemsRow.querySelector('.row-title'), h('span', { i18n: ['events.criterionProblems', { n }] }));
      for (const column of COLUMNS) {
        const cell = row.querySelector(`td.${column}`);
        cell.dataset.field = `scheme.criteria[${index}].${column}`;
        cell.dataset.problemsIn = listId;
        bindAttr(row.criterionCells[column], 'aria-label', 'criteria.cell', { n, column: t(`criteria.${column}`) });
        row.criterionCells[column].name = `scheme.criteria[${index}].${column}`;
      }
      bindAttr(row.querySelector('.criterion-remove'), 'aria-label', 'events.removeCriterionOne', { n });
    });
  }

  function criteriaValues() {
    return [...criteriaBody.querySelectorAll('tr.criterion')].map((row) => {
      const c = row.criterionCells;
      const criterion = {
        code: c.code.value.trim(),
        module: c.module.value.trim(),
        name: c.name.value.trim(),
        kind: c.kind.value,
        maxMark: numberOrText(c.maxMark.value),
        method: c.method.value,
        judges: numberOrText(c.judges.value),
      };
      if (c.method.value === 'TRIMMED_MEAN') {
        criterion.trim = numberOrText(c.trim.value);
      }
      return criterion;
    });
  }

  function tieBreakValues() {
    return tieBreak.value.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean);
  }

  const criteriaTable = h('div', { class: 'table-wrap' },
    h('table', { class: 'criteria-table', 'data-testid': 'criteria-editor' },
      h('caption', { class: 'visually-hidden', i18n: 'events.scheme' }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', i18n: 'criteria.no' }),
        COLUMNS.map((column) => h('th', { scope: 'col', i18n: `criteria.${column}` })),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', i18n: 'contests.actions' })))),
      criteriaBody));

  const form = h('form', { novalidate: true, id: 'event-form' },
    h('div', { class: 'form-grid' },
      field({ name: 'occupationCode', labelKey: 'events.occupationCode', control: occupationCode, hintKey: 'events.occupationCodeHint' }),
      field({ name: 'occupationName', labelKey: 'events.occupationName', control: occupationName }),
      field({ name: 'group', labelKey: 'events.group', control: group }),
      field({ name: 'mode', labelKey: 'events.mode', control: mode }),
      field({ name: 'teamSize', labelKey: 'events.teamSize', control: teamSize, hintKey: 'events.teamSizeHint' }),
      field({ name: 'advanceQuota', labelKey: 'events.advanceQuota', control: advanceQuota, optional: true }),
      field({ name: 'advanceMinScore', labelKey: 'events.advanceMinScore', control: advanceMinScore, optional: true })),
    h('fieldset', { class: 'scheme', dataset: { field: 'scheme.criteria', problemsIn: 'scheme-problems', control: 'none' } },
      h('legend', { class: 'label', i18n: 'events.scheme' }),
      h('p', { class: 'hint', i18n: 'events.schemeHint' }),
      schemeProblemsBox,
      criteriaTable,
      h('div', { class: 'criteria-tools' }, addButton),
      h('div', { class: 'form-grid' },
        field({ name: 'scheme.tieBreak', labelKey: 'events.tieBreak', control: tieBreak, hintKey: 'events.tieBreakHint', wide: true }))),
    submit);
  // Problems with the scheme as a whole ("scheme") go to the same list as "scheme.criteria".
  form.appendChild(h('div', { hidden: true, dataset: { field: 'scheme', problemsIn: 'scheme-problems', control: 'none' } }));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    box.clear();
    const body = {
      occupationCode: occupationCode.value.trim(),
      occupationName: occupationName.value.trim(),
      group: group.value,
      mode: mode.value,
      teamSize: mode.value === 'TEAM' ? numberOrText(teamSize.value) : null,
      advanceQuota: numberOrText(advanceQuota.value),
      advanceMinScore: numberOrText(advanceMinScore.value),
      scheme: { criteria: criteriaValues(), tieBreak: tieBreakValues() },
    };
    await busy(submit, async () => {
      try {
        const created = await ctx.api.post(`/api/v1/contests/${contestId}/events`, body);
        box.success('events.created', { name: created.occupationName ?? body.occupationName, id: created.id }, ' ',
          h('a', { href: `#/events/${created.id}`, id: 'event-created-link', i18n: 'common.view' }));
        await onCreated(created);
      } catch (error) {
        showProblems(form, error, box);
      }
    });
  });

  addCriterion({});
  return h('div', {}, box.el, form);
}
