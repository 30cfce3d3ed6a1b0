// The advancement report of one contest, #/contests/{id}/advancement: who advanced (or would advance,
// before the organizer advances) into which event of the next-tier contest, with their new bib, and
// who was skipped and why (GET /api/v1/contests/{id}/advancement).

import { h, replace } from '/assets/js/dom.js';
import { bindText, t } from '/assets/js/i18n.js';
import { notices, table } from '../ui.js';
import { dateTime } from './lifecycle.js';

export function advancementView(ctx) {
  const contestId = ctx.params[0];
  const heading = h('h1', { id: 'advancement-title', i18n: ['advancement.title', { name: `#${contestId}` }] });
  const crumb = h('a', { href: `#/contests/${contestId}`, text: `#${contestId}` });
  const box = notices('advancement-notices');
  const body = h('div', { id: 'advancement-report' }, h('p', { class: 'loading', i18n: 'common.loading' }));

  function render(report, events, targetEvents) {
    const name = (list, id) => list.find((e) => e.id === id)?.occupationName ?? `#${id}`;
    const advanced = table({
      testId: 'advanced-table',
      captionKey: report.preview && !report.advancedAt ? 'advancement.wouldAdvance' : 'advancement.advanced',
      captionVars: { contest: report.toContest },
      columns: [{ key: 'advancement.fromEvent' }, { key: 'advancement.rank', class: 'num' }, { key: 'advancement.bib' },
        { key: 'advancement.name' }, { key: 'advancement.toEvent' }, { key: 'advancement.toBib' }],
      rows: report.advanced.map((a) => h('tr', { dataset: { bib: a.bib, created: String(a.toEntryId !== null) } },
        h('td', { text: name(events, a.fromEventId) }),
        h('td', { class: 'num', text: String(a.rank) }),
        h('td', { class: 'mono', text: a.bib }),
        h('td', { text: a.name }),
        h('td', { text: name(targetEvents, a.toEventId) }),
        h('td', { class: 'mono' }, h('span', { text: a.toBib }), a.toEntryId === null ? [' ', h('span', { class: 'muted', i18n: 'advancement.notYet' })] : null))),
      emptyKey: 'advancement.none',
    });
    const skipped = table({
      testId: 'skipped-table',
      captionKey: 'advancement.skipped',
      columns: [{ key: 'advancement.fromEvent' }, { key: 'advancement.bib' }, { key: 'advancement.reason' }],
      rows: report.skipped.map((s) => h('tr', { dataset: { reason: s.reason } },
        h('td', { text: name(events, s.sourceEventId) }),
        h('td', { class: 'mono', text: s.bib ?? '—' }),
        h('td', { i18n: `advancement.reason.${s.reason}` }))),
      emptyKey: 'advancement.noneSkipped',
    });
    replace(body,
      h('p', { id: 'advancement-summary', text: report.advancedAt
        ? t('advancement.doneAt', { contest: report.toContest, time: dateTime(report.advancedAt) })
        : t('advancement.previewNote', { contest: report.toContest }) }),
      advanced, skipped);
  }

  async function load() {
    try {
      const contest = await ctx.api.get(`/api/v1/contests/${contestId}`);
      bindText(heading, 'advancement.title', { name: contest.name });
      crumb.textContent = contest.name;
      ctx.setTitle('advancement.title', { name: contest.name });
      const report = await ctx.api.get(`/api/v1/contests/${contestId}/advancement`);
      const [events, targetEvents] = await Promise.all([
        ctx.api.get(`/api/v1/contests/${contestId}/events`), ctx.api.get(`/api/v1/contests/${report.toContestId}/events`)]);
      render(report, events.items, targetEvents.items);
    } catch (error) {
      box.error(error);
      replace(body);
    }
  }
  load();

  const el = h('section', { 'aria-labelledby': 'advancement-title' },
    h('nav', { class: 'breadcrumbs', i18nAttrs: { 'aria-label': 'nav.contests' } },
      h('ol', {}, h('li', {}, h('a', { href: '#/contests', i18n: 'nav.contests' })), h('li', {}, crumb),
        h('li', { 'aria-current': 'page', i18n: 'contest.advancementLink' }))),
    heading, box.el, h('section', { class: 'card' }, body));
  return { el, title: { key: 'advancement.title', vars: { name: `#${contestId}` } } };
}
