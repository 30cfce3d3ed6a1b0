// A person's history, #/persons: look up a resident ID number (kept out of the address bar: it is
// personal data) and see every entry across contests and tiers, oldest first, with rank, prize,
// how the person got there and what was awarded (GET /api/v1/persons/{idNumber}/history).

import { h, replace } from '/assets/js/dom.js';
import { t } from '/assets/js/i18n.js';
import { busy, enumLabel, field, notices, showProblems, table } from '../ui.js';

export function personView(ctx) {
  const box = notices('person-notices');
  const idNumber = h('input', { type: 'text', id: 'person-id', autocomplete: 'off', maxlength: 18, spellcheck: 'false' });
  const submit = h('button', { type: 'submit', class: 'btn primary', id: 'person-submit', i18n: 'person.lookUp' });
  const result = h('div', { id: 'person-history' });
  const form = h('form', { class: 'form inline', id: 'person-form', novalidate: true },
    field({ name: 'idNumber', labelKey: 'person.idNumber', control: idNumber, hintKey: 'person.idHint' }), h('div', { class: 'row' }, submit));

  function entitlementText(e) {
    if (!e) {
      return h('span', { i18n: 'common.dash' });
    }
    const parts = [];
    if (e.levelAwarded) {
      parts.push(t('person.level', { level: t(`enum.level.${e.levelAwarded}`) }));
    }
    if (e.title) {
      parts.push(e.title);
    }
    if (e.individualAward) {
      parts.push(t('person.award', { yuan: e.individualAward.toLocaleString() }));
    }
    if (e.certificateNo) {
      parts.push(t('person.certificate', { no: e.certificateNo }));
    }
    return h('span', { text: parts.length > 0 ? parts.join('；') : t('person.nothing') });
  }

  function render(history) {
    replace(result,
      h('h2', { id: 'person-name', text: history.name }),
      table({
        testId: 'history-table',
        columns: [{ key: 'person.year', class: 'num' }, { key: 'person.tier' }, { key: 'person.contest' }, { key: 'person.event' },
          { key: 'person.bib' }, { key: 'person.rank', class: 'num' }, { key: 'person.prize' }, { key: 'person.total', class: 'num' },
          { key: 'person.source' }, { key: 'person.entitlement' }],
        rows: history.items.map((i) => h('tr', { dataset: { entryId: String(i.entryId), tier: i.tier } },
          h('td', { class: 'num', text: String(i.year) }),
          h('td', {}, enumLabel('tier', i.tier)),
          h('td', {}, h('a', { href: `#/contests/${i.contestId}`, text: i.contest })),
          h('td', { text: `${i.occupationName}（${i.occupationCode}）` }),
          h('td', { class: 'mono', text: i.bib }),
          h('td', { class: 'num', text: i.rank === null ? '—' : String(i.rank) }),
          h('td', {}, enumLabel('prize', i.prize)),
          h('td', { class: 'num', text: i.total === null ? '—' : String(i.total) }),
          h('td', {}, i.source ? h('span', { i18n: ['person.advancedFrom', { rank: i.source.rank }] }) : h('span', { i18n: 'person.direct' })),
          h('td', {}, entitlementText(i.entitlement)))),
        emptyKey: 'person.noEntries',
      }));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    box.clear();
    replace(result);
    await busy(submit, async () => {
      try {
        render(await ctx.api.get(`/api/v1/persons/${encodeURIComponent(idNumber.value.trim())}/history`));
      } catch (error) {
        if (error.status === 404) {
          box.errorKey('person.notFound');
        } else {
          showProblems(form, error, box);
        }
      }
    });
  });

  const el = h('section', { 'aria-labelledby': 'person-title' },
    h('h1', { id: 'person-title', i18n: 'person.title' }),
    h('section', { class: 'card' }, h('p', { class: 'hint', i18n: 'person.intro' }), form, box.el),
    h('section', { class: 'card' }, result));
  return { el, title: { key: 'person.title' } };
}
