// Building blocks shared by the console's views: form fields that can show the server's problems
// next to them, message boxes for the contract's error shape, enum labels and tables.

import { h, replace, uid } from '/assets/js/dom.js';
import { formatDateTime, maskId } from '/assets/js/format.js';
import { has, lang, t } from '/assets/js/i18n.js';
import { fieldText, problemText } from '/assets/js/problems.js';

/** A translated enum value, e.g. enumLabel('tier', 'DISTRICT') → 区级; unknown values stay as sent. */
export function enumLabel(kind, value) {
  if (value === null || value === undefined || value === '') {
    return h('span', { i18n: 'common.dash' });
  }
  const key = `enum.${kind}.${value}`;
  return has(key) ? h('span', { i18n: key, title: String(value) }) : h('span', { text: value });
}

/** Options for a select of enum values. */
export function enumOptions(kind, values, selected) {
  return values.map((value) => h('option', { value, i18n: `enum.${kind}.${value}`, selected: value === selected }));
}

/**
 * A labelled form field: the wrapper carries data-field (the name the server uses in
 * details[].field) and holds a place for that field's problems.
 */
export function field({ name, labelKey, control, hintKey, optional = false, wide = false }) {
  const id = control.id || uid(`f-${name.replace(/[^\w-]/g, '-')}`);
  control.id = id;
  if (!control.name) {
    control.name = name;
  }
  const hintId = hintKey ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  return h('div', { class: wide ? 'field wide' : 'field', dataset: { field: name } },
    h('label', { for: id },
      h('span', { i18n: labelKey }),
      optional ? [' ', h('span', { class: 'muted', i18n: 'common.optional' })] : null),
    control,
    hintKey ? h('p', { class: 'hint', id: hintId, i18n: hintKey }) : null,
    h('p', { class: 'field-error', id: errorId }));
}

/**
 * A message area (ids `<id>-error`, `<id>-status`): errors are announced at once (role=alert),
 * successes politely (role=status).
 */
export function notices(id) {
  const errorBox = h('div', { class: 'alert error', role: 'alert', id: `${id}-error` });
  const statusBox = h('div', { class: 'alert success', role: 'status', id: `${id}-status` });
  const el = h('div', { class: 'notices', id }, errorBox, statusBox);
  return {
    el,
    clear() {
      replace(errorBox);
      replace(statusBox);
    },
    /**
     * Shows what went wrong; `unplaced` are details no field on the page could show, `about` names
     * what the failed action was about (e.g. which contest).
     */
    error(error, unplaced = error?.details ?? [], about = null) {
      replace(statusBox);
      replace(errorBox, about ? h('p', {}, h('strong', { text: about })) : null, ...errorContent(error, unplaced));
    },
    errorKey(key, vars) {
      replace(statusBox);
      replace(errorBox, h('p', { i18n: [key, vars] }));
    },
    success(key, vars, ...extra) {
      replace(errorBox);
      replace(statusBox, h('p', {}, h('span', { i18n: [key, vars] }), ...extra));
    },
  };
}

function errorContent(error, unplaced) {
  const code = error?.code ?? 'NETWORK';
  const known = has(`error.${code}`);
  const parts = [
    h('p', {}, h('strong', { i18n: known ? `error.${code}` : ['error.generic', { status: error?.status ?? 0 }] })),
  ];
  // The server's message is English for people reading logs; a Chinese page says it by code instead.
  if (error?.message && code !== 'NETWORK' && lang() === 'en' && !known) {
    parts.push(h('p', { class: 'server-message', i18n: ['error.serverSays', { message: error.message }] }));
  }
  if (unplaced.length > 0) {
    parts.push(h('ul', { class: 'problems' },
      unplaced.map((d) => h('li', { dataset: { field: d.field, key: d.key || 'invalid' } },
        d.field ? h('strong', { text: fieldText(d.field) }) : null, d.field ? (lang() === 'en' ? ': ' : '：') : '', problemText(d)))));
  }
  return parts;
}

/**
 * Puts each of error.details next to the field it names (the wrapper whose data-field matches,
 * dropping trailing [n] / .x parts until one does); the rest go to the notices. Focuses the first
 * field at fault so keyboard and screen-reader users land on it.
 */
export function showProblems(form, error, box) {
  clearProblems(form);
  const unplaced = [];
  let first = null;
  for (const detail of error.details) {
    const wrapper = findWrapper(form, detail.field);
    if (!wrapper) {
      unplaced.push(detail);
      continue;
    }
    const control = wrapper.dataset.control === 'none'
      ? null
      : wrapper.matches('input, select, textarea') ? wrapper : wrapper.querySelector('input, select, textarea');
    const target = placeProblem(wrapper, detail);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      if (target?.id && !(control.getAttribute('aria-describedby') || '').split(' ').includes(target.id)) {
        control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') || ''} ${target.id}`.trim());
      }
      first = first || control;
    }
  }
  box.error(error, unplaced);
  if (first) {
    first.focus();
  }
}

function findWrapper(form, fieldName) {
  let name = fieldName || '';
  while (name) {
    const found = [...form.querySelectorAll('[data-field]')].find((el) => el.dataset.field === name);
    if (found) {
      return found;
    }
    const shorter = name.replace(/(\[\d+\]|\.[^.[\]]+)$/, '');
    if (shorter === name) {
      return null;
    }
    name = shorter;
  }
  return null;
}

function placeProblem(wrapper, detail) {
  if (wrapper.dataset.problemsIn) {
    const list = document.getElementById(wrapper.dataset.problemsIn);
    if (list) {
      const label = wrapper.dataset.labelKey ? [h('span', { i18n: wrapper.dataset.labelKey }), ' '] : [];
      list.appendChild(h('li', { dataset: { field: detail.field } }, label, h('span', { class: 'field-name', text: `(${fieldText(detail.field)})` }), lang() === 'en' ? ': ' : '：', problemText(detail)));
      const container = list.closest('[data-problems-container]');
      if (container) {
        container.hidden = false;
      }
      return list;
    }
  }
  const errorEl = wrapper.querySelector('.field-error');
  if (errorEl) {
    errorEl.appendChild(h('span', { class: 'problem', dataset: { field: detail.field, key: detail.key || 'invalid' } }, problemText(detail), ' '));
  }
  return errorEl;
}

export function clearProblems(form) {
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((el) => replace(el));
  form.querySelectorAll('[data-problems-list]').forEach((el) => replace(el));
  form.querySelectorAll('[data-problems-container]').forEach((el) => {
    el.hidden = true;
  });
}

/** A table: columns [{key (message), class}], rows already built as <tr>s; empty → one message row. */
export function table({ captionKey, captionVars, columns, rows, emptyKey, testId }) {
  const body = rows.length > 0
    ? rows
    : [h('tr', {}, h('td', { class: 'empty', colspan: columns.length, i18n: emptyKey }))];
  return h('div', { class: 'table-wrap' },
    h('table', { 'data-testid': testId },
      captionKey ? h('caption', { i18n: [captionKey, captionVars] }) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.class, i18n: c.key })))),
      h('tbody', {}, body)));
}

/** A number input's value as the API wants it: '' → null, a number → number, else the text as typed. */
export function numberOrText(value) {
  const text = String(value ?? '').trim();
  if (text === '') {
    return null;
  }
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** Runs action while button shows it is busy; the button is disabled meanwhile. */
export async function busy(button, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** An ISO instant as 2026-12-03 12:32 (local time); null → —. */
export function when(iso) {
  if (!iso) {
    return h('span', { i18n: 'common.dash' });
  }
  return h('time', { datetime: iso, text: formatDateTime(iso) });
}

/** An ID number as tables show it: masked (110105********002X), whatever the server sent. */
export function maskedId(idNumber) {
  return h('span', { class: 'id-number', text: idNumber ? maskId(idNumber) : '' });
}

/**
 * A control shown enabled, or disabled with the reason said next to it (and as its tooltip), so
 * nobody clicks a button only to be told no. gate(button, {allowed, reasonKey, reasonVars}) answers
 * an element holding the control and its reason; put that in the page instead of the control.
 * A control the user's role can never use is better left out (see access.js).
 */
export function gate(control, { allowed, reasonKey, reasonVars } = {}) {
  control.disabled = !allowed;
  control.dataset.gated = allowed ? 'open' : 'closed';
  if (allowed || !reasonKey) {
    control.removeAttribute('title');
    return h('span', { class: 'gated' }, control);
  }
  const why = h('span', { class: 'why', id: uid('why'), i18n: [reasonKey, reasonVars] });
  control.title = t(reasonKey, reasonVars);
  control.setAttribute('aria-describedby', why.id);
  return h('span', { class: 'gated' }, control, why);
}

/** A small modal-free confirmation: the browser's own dialog, in the page's language. */
export function confirmed(key, vars) {
  return window.confirm(t(key, vars));
}

export function facts(items) {
  return h('dl', { class: 'facts' }, items.map(([key, value]) => h('div', {}, h('dt', { i18n: key }), h('dd', {}, value))));
}
