// An event's panel (#/events/{id}/panel): the seated judges with their role, criteria and the entries
// each will not see (回避), unseat (DELETE …/panel/{userId}); and seating: find a judge by name or
// unit, pick JUDGE or CHIEF and the criteria from the scheme, see the conflicts of interest BEFORE
// seating (GET …/conflicts?userId=), then POST …/panel.

import { h, replace } from '/assets/js/dom.js';
import { bindText } from '/assets/js/i18n.js';
import { seating } from '../access.js';
import { busy, confirmed, gate, notices, table } from '../ui.js';

export function panelView(ctx) {
  const eventId = ctx.params[0];
  const pageBox = notices('panel-notices');
  const seatBox = notices('seat-notices');
  const heading = h('h1', { id: 'panel-title', i18n: ['panel.title', { name: `#${eventId}` }] });
  const seatedHolder = h('div', { id: 'panel-list' }, h('p', { class: 'loading', i18n: 'common.loading' }));
  const seatHolder = h('div', { id: 'seat-form-holder' });
  let event = null;
  let contest = null;
  let chosen = null;

  function conflictList(entries) {
    return entries.length === 0
      ? h('span', { class: 'muted', i18n: 'panel.noConflicts' })
      : h('span', { class: 'conflicts' }, h('span', { i18n: ['panel.conflictsN', { n: entries.length }] }), ' ',
        entries.map((e) => h('span', { class: 'badge DQ', text: e.bib, title: e.name || null })));
  }

  function seatedRow(member, rule) {
    const unseat = h('button', { type: 'button', class: 'btn small danger', dataset: { action: 'unseat' }, i18n: 'panel.unseat' });
    unseat.addEventListener('click', async () => {
      if (!confirmed('panel.unseatConfirm', { name: member.displayName })) {
        return;
      }
      pageBox.clear();
      await busy(unseat, async () => {
        try {
          await ctx.api.delete(`/api/v1/events/${eventId}/panel/${member.userId}`);
          pageBox.success('panel.unseated', { name: member.displayName });
          await loadPanel();
        } catch (error) {
          pageBox.error(error, error.details, member.displayName);
        }
      });
    });
    return h('tr', { dataset: { userId: String(member.userId), username: member.username } },
      h('td', { class: 'wrap' }, h('strong', { text: member.displayName }), ' ', h('span', { class: 'muted mono', text: member.username })),
      h('td', { class: 'wrap', text: member.affiliation || '' }),
      h('td', {}, member.role === 'CHIEF' ? h('span', { class: 'badge chief', i18n: 'panel.chief' }) : h('span', { i18n: 'panel.judge' })),
      h('td', { class: 'wrap' }, member.criteria === null
        ? h('span', { i18n: 'panel.allCriteria' })
        : member.criteria.length === 0 ? h('span', { class: 'muted', i18n: 'panel.noCriteria' }) : member.criteria.join(', ')),
      h('td', { class: 'wrap', dataset: { conflicts: String((member.conflicts || []).length) } }, conflictList(member.conflicts || [])),
      h('td', { class: 'actions-cell' }, gate(unseat, rule)));
  }

  async function loadPanel() {
    try {
      const result = await ctx.api.get(`/api/v1/events/${eventId}/panel`);
      const members = Array.isArray(result?.items) ? result.items : [];
      const rule = seating(ctx.user, contest, event);
      replace(seatedHolder, table({
        testId: 'panel-table',
        captionKey: 'panel.seated',
        columns: [{ key: 'panel.name' }, { key: 'judges.affiliation' }, { key: 'panel.role' }, { key: 'panel.criteria' },
          { key: 'panel.conflicts' }, { key: 'contests.actions' }],
        rows: members.map((m) => seatedRow(m, rule)),
        emptyKey: 'panel.empty',
      }));
    } catch (error) {
      pageBox.error(error);
      replace(seatedHolder);
    }
  }

  /** The seating form: search → pick → role and criteria → conflicts shown → seat. */
  function seatForm() {
    const rule = seating(ctx.user, contest, event);
    const search = h('input', { id: 'seat-search', type: 'search', autocomplete: 'off', i18nAttrs: { placeholder: 'judges.searchHint' } });
    const results = h('ul', { class: 'pick-list', id: 'seat-results' });
    const chosenHolder = h('div', { id: 'seat-chosen' }, h('p', { class: 'muted', i18n: 'panel.pickFirst' }));
    const role = h('select', { id: 'seat-role' }, h('option', { value: 'JUDGE', i18n: 'panel.judge' }), h('option', { value: 'CHIEF', i18n: 'panel.chief' }));
    const criteria = (event?.scheme?.criteria ?? []).map((c) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: c.code, checked: true, dataset: { criterion: c.code } }), ` ${c.code} ${c.name}`));
    const submit = h('button', { type: 'button', class: 'btn primary', id: 'seat-submit', i18n: 'panel.seat' });
    let timer = null;

    async function find() {
      try {
        const q = search.value.trim();
        const result = await ctx.api.get(`/api/v1/users?role=JUDGE${q ? `&q=${encodeURIComponent(q)}` : ''}`);
        const judges = (result?.items ?? []).filter((j) => !j.disabled).slice(0, 20);
        replace(results, judges.length === 0 ? h('li', { class: 'muted', i18n: 'judges.noMatch' }) : judges.map((j) => {
          const pick = h('button', { type: 'button', class: 'btn small pick', dataset: { username: j.username, userId: String(j.id) } },
            h('strong', { text: j.displayName }), ' ', h('span', { class: 'muted', text: j.affiliation || j.username }));
          pick.addEventListener('click', () => choose(j));
          return h('li', {}, pick);
        }));
      } catch (error) {
        seatBox.error(error);
      }
    }

    async function choose(judge) {
      chosen = judge;
      replace(chosenHolder, h('p', { class: 'loading', i18n: 'common.loading' }));
      try {
        const answer = await ctx.api.get(`/api/v1/events/${eventId}/conflicts?userId=${judge.id}`);
        const entries = answer?.entries ?? [];
        replace(chosenHolder,
          h('p', {}, h('span', { i18n: 'panel.chosen' }), ' ', h('strong', { id: 'seat-chosen-name', text: judge.displayName }),
            judge.affiliation ? h('span', { class: 'muted', text: `（${judge.affiliation}）` }) : null),
          h('div', { class: entries.length ? 'alert warn' : 'muted', id: 'seat-conflicts', dataset: { count: String(entries.length) } },
            entries.length
              ? [h('p', { i18n: ['panel.willNotSee', { n: entries.length }] }),
                h('ul', {}, entries.map((e) => h('li', { dataset: { bib: e.bib } }, h('strong', { text: e.bib }), ' ', e.name || '')))]
              : h('span', { i18n: 'panel.noConflicts' })));
      } catch (error) {
        seatBox.error(error);
      }
    }

    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(find, 250);
    });
    submit.addEventListener('click', async () => {
      seatBox.clear();
      if (!chosen) {
        seatBox.errorKey('panel.pickFirst');
        return;
      }
      const picked = criteria.map((label) => label.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
      const all = picked.length === criteria.length;
      const body = { userId: chosen.id, role: role.value, ...(all ? {} : { criteria: picked }) };
      await busy(submit, async () => {
        try {
          await ctx.api.post(`/api/v1/events/${eventId}/panel`, body);
          seatBox.success('panel.seatedOne', { name: chosen.displayName });
          // Ready for the next judge: nobody picked, JUDGE on every criterion.
          chosen = null;
          role.value = 'JUDGE';
          criteria.forEach((label) => { label.querySelector('input').checked = true; });
          replace(chosenHolder, h('p', { class: 'muted', i18n: 'panel.pickFirst' }));
          await loadPanel();
        } catch (error) {
          seatBox.error(error);
        }
      });
    });
    find();
    return h('div', { class: 'seat-form' },
      seatBox.el,
      h('div', { class: 'seat-grid' },
        h('div', {}, h('label', { for: 'seat-search', i18n: 'judges.search' }), search, results),
        h('div', {}, chosenHolder,
          h('div', { class: 'field' }, h('label', { for: 'seat-role', i18n: 'panel.role' }), role),
          h('fieldset', { class: 'criteria-pick' }, h('legend', { i18n: 'panel.criteria' }), criteria),
          gate(submit, rule))));
  }

  async function load() {
    try {
      event = await ctx.api.get(`/api/v1/events/${eventId}`);
      contest = await ctx.api.get(`/api/v1/contests/${event.contestId}`);
      const name = `${event.occupationName}（${contest.name}）`;
      bindText(heading, 'panel.title', { name });
      ctx.setTitle('panel.title', { name });
      replace(seatHolder, seatForm());
    } catch (error) {
      pageBox.error(error);
    }
    await loadPanel();
  }
  load();

  const el = h('section', { 'aria-labelledby': 'panel-title' },
    h('nav', { class: 'breadcrumbs', i18nAttrs: { 'aria-label': 'nav.contests' } },
      h('ol', {}, h('li', {}, h('a', { href: '#/contests', i18n: 'nav.contests' })),
        h('li', {}, h('a', { href: `#/events/${eventId}`, i18n: 'panel.backToEvent' })))),
    heading,
    pageBox.el,
    h('section', { class: 'card', 'aria-labelledby': 'panel-seated-title' },
      h('h2', { id: 'panel-seated-title', i18n: 'panel.seated' }), seatedHolder),
    h('section', { class: 'card', 'aria-labelledby': 'panel-seat-title' },
      h('h2', { id: 'panel-seat-title', i18n: 'panel.seatTitle' }),
      h('p', { class: 'hint', i18n: 'panel.seatHint' }),
      seatHolder));
  return { el, title: { key: 'panel.title', vars: { name: `#${eventId}` } } };
}
