// One entry's registration form, for adding (POST /api/v1/events/{id}/entries) and correcting
// (PATCH /api/v1/entries/{id}) alike: the same fields and the same server checks. Individual events
// have one competitor, team events a team name and teamSize members. Problems land next to their
// fields by the server's field names (competitor.idNumber, members[1].name, …).

import { h } from '/assets/js/dom.js';
import { busy, clearProblems, enumOptions, field, notices, showProblems } from '../ui.js';

const LEVELS = ['NONE', 'L5', 'L4', 'L3', 'L2', 'L1'];

function competitorFields(prefix, idPrefix, value = {}) {
  const controls = {
    name: h('input', { id: `${idPrefix}-name`, type: 'text', maxlength: 50, value: value.name ?? '' }),
    idNumber: h('input', { id: `${idPrefix}-id`, type: 'text', maxlength: 18, autocomplete: 'off', spellcheck: 'false', value: '' }),
    employer: h('input', { id: `${idPrefix}-employer`, type: 'text', maxlength: 200, value: value.employer ?? '' }),
    trainingUnit: h('input', { id: `${idPrefix}-training`, type: 'text', maxlength: 200, value: value.trainingUnit ?? '' }),
    currentLevel: h('select', { id: `${idPrefix}-level` }, enumOptions('level', LEVELS, value.currentLevel ?? 'NONE')),
  };
  const fields = [
    field({ name: `${prefix}name`, labelKey: 'entries.name', control: controls.name }),
    field({ name: `${prefix}idNumber`, labelKey: 'entries.idNumber', control: controls.idNumber, hintKey: value.name ? 'entryForm.idAgain' : null }),
    field({ name: `${prefix}employer`, labelKey: 'entries.employer', control: controls.employer, optional: true }),
    field({ name: `${prefix}trainingUnit`, labelKey: 'entries.trainingUnit', control: controls.trainingUnit, optional: true }),
    field({ name: `${prefix}currentLevel`, labelKey: 'entries.currentLevel', control: controls.currentLevel }),
  ];
  const read = () => ({
    name: controls.name.value.trim(), idNumber: controls.idNumber.value.trim(), employer: controls.employer.value.trim() || null,
    trainingUnit: controls.trainingUnit.value.trim() || null, currentLevel: controls.currentLevel.value,
  });
  return { fields, read };
}

/**
 * The form; `entry` given → correcting it (the ID number must be typed again: lists only hold it
 * masked). onDone(entry) after the server accepted it.
 */
export function entryForm(ctx, event, { entry = null, onDone = () => {}, onCancel = null } = {}) {
  const box = notices(entry ? `entry-edit-${entry.id}-notices` : 'entry-new-notices');
  const idBase = entry ? `entry-edit-${entry.id}` : 'entry-new';
  const team = event.mode === 'TEAM';
  const bib = h('input', { id: `${idBase}-bib`, type: 'text', maxlength: 20, value: entry?.bib ?? '', autocapitalize: 'characters' });
  const teamName = h('input', { id: `${idBase}-team`, type: 'text', maxlength: 100, value: entry?.teamName ?? '' });
  const people = team
    ? Array.from({ length: event.teamSize || 2 }, (_, i) => competitorFields(`members[${i}].`, `${idBase}-m${i}`, entry?.members?.[i]))
    : [competitorFields('competitor.', `${idBase}-c`, entry?.competitor)];
  const submit = h('button', { type: 'submit', class: 'btn primary', id: `${idBase}-submit`, i18n: entry ? 'entryForm.save' : 'entryForm.add' });
  const cancel = onCancel ? h('button', { type: 'button', class: 'btn', i18n: 'entryForm.cancel', on: { click: onCancel } }) : null;
  const form = h('form', { novalidate: true, id: `${idBase}-form`, class: 'entry-form' },
    h('div', { class: 'form-grid' },
      field({ name: 'bib', labelKey: 'entries.bib', control: bib }),
      team ? field({ name: 'teamName', labelKey: 'entries.teamName', control: teamName }) : null),
    people.map((p, i) => h('fieldset', { class: 'member' },
      team ? h('legend', { i18n: ['entryForm.member', { n: i + 1 }] }) : null,
      h('div', { class: 'form-grid' }, p.fields))),
    h('div', { class: 'row', dataset: { field: 'members' } }, submit, cancel, h('p', { class: 'field-error' })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblems(form);
    box.clear();
    const body = { bib: bib.value.trim() };
    if (team) {
      body.teamName = teamName.value.trim();
      body.members = people.map((p) => p.read());
    } else {
      body.competitor = people[0].read();
    }
    await busy(submit, async () => {
      try {
        const saved = entry
          ? await ctx.api.patch(`/api/v1/entries/${entry.id}`, body)
          : await ctx.api.post(`/api/v1/events/${event.id}/entries`, body);
        box.success(entry ? 'entryForm.saved' : 'entryForm.added', { bib: saved.bib });
        if (!entry) {
          form.reset();
        }
        onDone(saved);
      } catch (error) {
        showProblems(form, error, box);
      }
    });
  });
  return h('div', { class: 'entry-form-holder' }, box.el, form);
}
