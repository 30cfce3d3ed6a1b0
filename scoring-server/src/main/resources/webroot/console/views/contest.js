// One contest: its facts, its lifecycle as a timeline with the next move (views/lifecycle.js), its
// events (GET /api/v1/contests/{id}/events), links to appeals and advancement, and the form for a
// new event.

import { h, replace } from '/assets/js/dom.js';
import { bindText } from '/assets/js/i18n.js';
import { registration } from '../access.js';
import { enumLabel, facts, notices, table, when } from '../ui.js';
import { eventForm } from './event-form.js';
import { lifecyclePanel } from './lifecycle.js';

export function contestView(ctx) {
  const contestId = ctx.params[0];
  const pageBox = notices('contest-notices');
  const heading = h('h1', { id: 'contest-title', i18n: ['contest.title', { name: `#${contestId}` }] });
  const crumbName = h('span', { text: `#${contestId}` });
  const factsHolder = h('div', {}, h('p', { class: 'loading', i18n: 'common.loading' }));
  const eventsHolder = h('div', { id: 'events-list' }, h('p', { class: 'loading', i18n: 'common.loading' }));
  let regions = [];
  const eventFormHolder = h('div', { id: 'event-form-holder' });

  const lifecycle = lifecyclePanel(ctx, contestId, () => load());

  function regionText(code) {
    const found = regions.find((r) => r.code === code);
    return found ? `${found.name}（${found.code}）` : code;
  }

  function renderContest(contest) {
    bindText(heading, 'contest.title', { name: contest.name });
    crumbName.textContent = contest.name;
    ctx.setTitle('contest.title', { name: contest.name });
    const rule = registration(ctx.user, contest);
    replace(eventFormHolder, rule.allowed
      ? eventForm(ctx, contestId, () => loadEvents())
      : h('p', { class: 'muted', id: 'event-form-closed', i18n: rule.reasonKey }));
    replace(factsHolder, facts([
      ['contests.id', String(contest.id)],
      ['contests.year', String(contest.year)],
      ['contests.tier', enumLabel('tier', contest.tier)],
      ['contests.region', regionText(contest.regionCode)],
      ['contests.category', enumLabel('category', contest.category)],
      ['contests.feedsInto', contest.feedsInto
        ? h('a', { href: `#/contests/${contest.feedsInto}`, text: `#${contest.feedsInto}` })
        : h('span', { i18n: 'common.none' })],
      ['contests.visibility', enumLabel('visibility', contest.visibility)],
      ['contests.noticeDays', String(contest.noticeDays)],
      ['contests.status', h('span', { class: `badge ${contest.status}`, id: 'contest-status', dataset: { status: contest.status } }, enumLabel('status', contest.status))],
      ['contests.publishedAt', when(contest.publishedAt)],
      ['contests.noticeEndsAt', when(contest.noticeEndsAt)],
      ['contests.resultsVersion', String(contest.resultsVersion ?? 0)],
    ]));
  }

  function eventRow(event) {
    const label = `${event.occupationName ?? ''}（${event.occupationCode ?? ''}）`;
    return h('tr', { dataset: { eventId: String(event.id) } },
      h('td', { class: 'num', text: event.id }),
      h('td', { class: 'mono', text: event.occupationCode }),
      h('td', { class: 'wrap' }, h('a', { href: `#/events/${event.id}`, class: 'event-link', text: event.occupationName, i18nAttrs: { title: ['events.viewOne', { name: label }] } })),
      h('td', {}, enumLabel('group', event.group)),
      h('td', {}, enumLabel('mode', event.mode), event.mode === 'TEAM' && event.teamSize ? ` × ${event.teamSize}` : ''),
      h('td', { class: 'num', text: Array.isArray(event.scheme?.criteria) ? event.scheme.criteria.length : '—' }),
      h('td', { class: 'num', text: event.advanceQuota ?? '—' }),
      h('td', {}, event.locked ? h('span', { class: 'badge locked', i18n: 'events.lockedYes' }) : h('span', { class: 'muted', i18n: 'events.lockedNo' })));
  }

  async function loadEvents() {
    try {
      const result = await ctx.api.get(`/api/v1/contests/${contestId}/events`);
      const events = Array.isArray(result?.items) ? result.items : [];
      replace(eventsHolder, table({
        testId: 'events-table',
        captionKey: 'contest.events',
        columns: [
          { key: 'contests.id', class: 'num' }, { key: 'events.occupationCode' }, { key: 'events.occupationName' },
          { key: 'events.group' }, { key: 'events.mode' }, { key: 'events.criteriaCount', class: 'num' },
          { key: 'events.advanceQuota', class: 'num' }, { key: 'events.locked' },
        ],
        rows: events.map(eventRow),
        emptyKey: 'contest.eventsEmpty',
      }));
    } catch (error) {
      pageBox.error(error);
      replace(eventsHolder);
    }
  }

  async function load() {
    try {
      const [contest, regionList] = await Promise.all([
        ctx.api.get(`/api/v1/contests/${contestId}`),
        ctx.api.get('/api/v1/regions').catch(() => ({ items: [] })),
      ]);
      regions = Array.isArray(regionList?.items) ? regionList.items : [];
      renderContest(contest);
    } catch (error) {
      pageBox.error(error);
      replace(factsHolder);
    }
    await loadEvents();
  }
  load();

  const el = h('section', { 'aria-labelledby': 'contest-title' },
    h('nav', { class: 'breadcrumbs', i18nAttrs: { 'aria-label': 'nav.contests' } },
      h('ol', {}, h('li', {}, h('a', { href: '#/contests', i18n: 'nav.contests' })), h('li', { 'aria-current': 'page' }, crumbName))),
    heading,
    pageBox.el,
    h('section', { class: 'card', 'aria-labelledby': 'contest-facts-title' },
      h('h2', { id: 'contest-facts-title', i18n: 'contest.facts' }),
      factsHolder,
      h('h3', { i18n: 'contest.lifecycle' }),
      lifecycle.el,
      h('h3', { i18n: 'contest.tools' }),
      h('div', { class: 'row' },
        h('a', { class: 'btn small', id: 'contest-appeals-link', href: `#/contests/${contestId}/appeals`, i18n: 'contest.appealsLink' }),
        h('a', { class: 'btn small', id: 'contest-advancement-link', href: `#/contests/${contestId}/advancement`, i18n: 'contest.advancementLink' }),
        h('a', { class: 'btn small', id: 'contest-entitlements-link', href: `#/contests/${contestId}/entitlements`, i18n: 'contest.entitlementsLink' }),
        h('a', { class: 'btn small', id: 'contest-results-link', href: `/results/${contestId}`, target: '_blank', rel: 'noopener', i18n: 'contest.resultsLink' }))),
    h('section', { class: 'card', 'aria-labelledby': 'events-title' },
      h('div', { class: 'spread' },
        h('h2', { id: 'events-title', i18n: 'contest.events' }),
        h('a', { class: 'btn small', id: 'contest-kiosk-link', href: `/live/kiosk?contestId=${contestId}`, target: '_blank', rel: 'opener', i18n: 'contest.kiosk' })),
      eventsHolder),
    h('section', { class: 'card', 'aria-labelledby': 'event-form-title' },
      h('h2', { id: 'event-form-title', i18n: 'events.create' }),
      eventFormHolder));
  return { el, title: { key: 'contest.title', vars: { name: `#${contestId}` } } };
}
