// The contests: GET /api/v1/contests, the lifecycle buttons (POST …/open, …/start) and the form
// for a new contest (POST /api/v1/contests), with region choices from GET /api/v1/regions.

import { h, replace } from '/assets/js/dom.js';
import { lifecycle as lifecycleRule, organizes } from '../access.js';
import {
  busy, clearProblems, enumLabel, enumOptions, field, gate, notices, numberOrText, showProblems, table,
} from '../ui.js';

export const TIERS = ['DISTRICT', 'CITY', 'NATIONAL', 'WORLD'];
const CATEGORIES = ['CLASS_I', 'CLASS_II'];
const VISIBILITIES = ['LIVE', 'ON_PUBLISH'];
/** The region level each tier runs at (NATIONAL and WORLD ↔ NATION). */
const LEVEL_OF_TIER = { DISTRICT: 'DISTRICT', CITY: 'CITY', NATIONAL: 'NATION', WORLD: 'NATION' };
const TIER_OF_LEVEL = { DISTRICT: 'DISTRICT', CITY: 'CITY', NATION: 'NATIONAL' };
/** The tier a contest's winners advance to. */
const NEXT_TIER = { DISTRICT: 'CITY', CITY: 'NATIONAL' };

export function contestsView(ctx) {
  const pageBox = notices('contests-notices');
  const formBox = notices('contest-form-notices');
  const listHolder = h('div', { id: 'contests-list' }, h('p', { class: 'loading', i18n: 'common.loading' }));
  let contests = [];
  let regions = [];

  const name = h('input', { id: 'contest-name', type: 'text', maxlength: 200, i18nAttrs: { placeholder: 'contests.namePlaceholder' } });
  const year = h('input', { id: 'contest-year', type: 'number', inputmode: 'numeric', min: 2000, max: 2100, step: 1, value: new Date().getFullYear() });
  const tier = h('select', { id: 'contest-tier' }, enumOptions('tier', TIERS, 'DISTRICT'));
  const region = h('select', { id: 'contest-region' });
  const category = h('select', { id: 'contest-category' }, enumOptions('category', CATEGORIES, 'CLASS_II'));
  const feedsInto = h('select', { id: 'contest-feeds-into' });
  const visibility = h('select', { id: 'contest-visibility' }, enumOptions('visibility', VISIBILITIES, 'LIVE'));
  const noticeDays = h('input', { id: 'contest-notice-days', type: 'number', inputmode: 'numeric', min: 0, max: 30, step: 1, value: 5 });
  const submit = h('button', { type: 'submit', class: 'btn primary', id: 'contest-submit', i18n: 'contests.createSubmit' });

  const form = h('form', { novalidate: true, id: 'contest-form', 'aria-labelledby': 'contest-form-title' },
    h('div', { class: 'form-grid' },
      field({ name: 'name', labelKey: 'contests.name', control: name, wide: true }),
      field({ name: 'year', labelKey: 'contests.year', control: year }),
      field({ name: 'tier', labelKey: 'contests.tier', control: tier }),
      field({ name: 'regionCode', labelKey: 'contests.region', control: region }),
      field({ name: 'category', labelKey: 'contests.category', control: category }),
      field({ name: 'feedsInto', labelKey: 'contests.feedsInto', control: feedsInto, hintKey: 'contests.feedsIntoHint' }),
      field({ name: 'visibility', labelKey: 'contests.visibility', control: visibility }),
      field({ name: 'noticeDays', labelKey: 'contests.noticeDays', control: noticeDays, hintKey: 'contests.noticeDaysHint' })),
    submit);

  function regionByCode(code) {
    return regions.find((r) => r.code === code);
  }

  function regionText(code) {
    const found = regionByCode(code);
    return found ? `${found.name}（${found.code}）` : code;
  }

  /** Regions at the level the chosen tier runs at; keeps the choice when it still fits. */
  function refreshRegionOptions() {
    const wanted = LEVEL_OF_TIER[tier.value];
    const previous = region.value || ctx.user?.regionCode || '';
    const choices = regions.filter((r) => !wanted || r.level === wanted);
    replace(region,
      h('option', { value: '', i18n: 'contests.chooseRegion' }),
      choices.map((r) => h('option', { value: r.code, text: `${r.name}（${r.code}）`, selected: r.code === previous })));
    refreshFeedOptions();
  }

  /** Contests of the next tier (for a district: the city contests of its parent region). */
  function refreshFeedOptions() {
    const previous = feedsInto.value;
    const next = NEXT_TIER[tier.value];
    const parent = regionByCode(region.value)?.parentCode;
    const choices = contests.filter((c) => next && c.tier === next && (next !== 'CITY' || !parent || c.regionCode === parent));
    replace(feedsInto,
      h('option', { value: '', i18n: 'contests.noFeed' }),
      choices.map((c) => h('option', { value: String(c.id), text: `${c.name}（${c.year}，#${c.id}）`, selected: String(c.id) === previous })));
  }

  tier.addEventListener('change', refreshRegionOptions);
  region.addEventListener('change', refreshFeedOptions);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    formBox.clear();
    const body = {
      name: name.value.trim(),
      year: numberOrText(year.value),
      tier: tier.value,
      regionCode: region.value || null,
      category: category.value,
      feedsInto: feedsInto.value ? Number(feedsInto.value) : null,
      visibility: visibility.value,
      noticeDays: numberOrText(noticeDays.value),
    };
    await busy(submit, async () => {
      try {
        const created = await ctx.api.post('/api/v1/contests', body);
        formBox.success('contests.created', { name: created.name ?? body.name, id: created.id }, ' ',
          h('a', { href: `#/contests/${created.id}`, id: 'contest-created-link', i18n: 'common.view' }));
        name.value = '';
        await loadContests();
      } catch (error) {
        showProblems(form, error, formBox);
      }
    });
  });

  async function lifecycle(contest, action, button) {
    pageBox.clear();
    await busy(button, async () => {
      try {
        await ctx.api.post(`/api/v1/contests/${contest.id}/${action}`, {});
        pageBox.success(action === 'open' ? 'contests.opened' : 'contests.started', { name: contest.name });
        await loadContests();
      } catch (error) {
        pageBox.error(error, error.details, contest.name);
      }
    });
  }

  function contestRow(contest) {
    const open = h('button', {
      type: 'button', class: 'btn small', i18n: 'contests.open', dataset: { action: 'open' },
      i18nAttrs: { 'aria-label': ['contests.openOne', { name: contest.name }] },
    });
    const start = h('button', {
      type: 'button', class: 'btn small', i18n: 'contests.start', dataset: { action: 'start' },
      i18nAttrs: { 'aria-label': ['contests.startOne', { name: contest.name }] },
    });
    open.addEventListener('click', () => lifecycle(contest, 'open', open));
    start.addEventListener('click', () => lifecycle(contest, 'start', start));
    const feed = contest.feedsInto ? contests.find((c) => c.id === contest.feedsInto) : null;
    // Only the move the contest is ready for is offered; HR and judges get none.
    const next = contest.status === 'DRAFT' ? gate(open, lifecycleRule(ctx.user, contest, 'open'))
      : contest.status === 'OPEN' ? gate(start, lifecycleRule(ctx.user, contest, 'start')) : null;
    return h('tr', { dataset: { contestId: String(contest.id) } },
      h('td', { class: 'wrap' }, h('a', {
        href: `#/contests/${contest.id}`, class: 'contest-link', text: contest.name,
        i18nAttrs: { title: ['contests.viewOne', { name: contest.name }] },
      }), h('span', { class: 'muted small', text: ` #${contest.id}` })),
      h('td', { class: 'num', text: contest.year }),
      h('td', {}, enumLabel('tier', contest.tier), ' · ', enumLabel('category', contest.category)),
      h('td', { class: 'wrap', text: regionText(contest.regionCode) }),
      h('td', { class: 'wrap' }, contest.feedsInto
        ? h('a', { href: `#/contests/${contest.feedsInto}`, text: feed ? feed.name : `#${contest.feedsInto}` })
        : h('span', { class: 'muted', i18n: 'common.none' })),
      h('td', {}, enumLabel('visibility', contest.visibility), h('span', { class: 'muted', i18n: ['contests.noticeDaysShort', { n: contest.noticeDays }] })),
      h('td', {}, h('span', { class: `badge ${contest.status}`, dataset: { status: contest.status } }, enumLabel('status', contest.status))),
      organizes(ctx.user) ? h('td', { class: 'actions-cell' }, next) : null);
  }

  function renderList() {
    replace(listHolder, table({
      testId: 'contests-table',
      captionKey: 'contests.list',
      columns: [
        { key: 'contests.name' }, { key: 'contests.year', class: 'num' },
        { key: 'contests.tier' }, { key: 'contests.region' }, { key: 'contests.feedsInto' },
        { key: 'contests.visibility' }, { key: 'contests.status' },
        ...(organizes(ctx.user) ? [{ key: 'contests.actions' }] : []),
      ],
      rows: contests.map(contestRow),
      emptyKey: 'contests.empty',
    }));
  }

  async function loadContests() {
    try {
      const result = await ctx.api.get('/api/v1/contests');
      contests = Array.isArray(result?.items) ? result.items : [];
      renderList();
      refreshFeedOptions();
    } catch (error) {
      pageBox.error(error);
      const retry = h('button', { type: 'button', class: 'btn', i18n: 'common.retry' });
      retry.addEventListener('click', () => loadContests());
      replace(listHolder, retry);
    }
  }

  async function loadRegions() {
    try {
      const result = await ctx.api.get('/api/v1/regions');
      regions = Array.isArray(result?.items) ? result.items : [];
      const own = regionByCode(ctx.user?.regionCode);
      if (own && TIER_OF_LEVEL[own.level]) {
        tier.value = TIER_OF_LEVEL[own.level];
      }
      refreshRegionOptions();
    } catch (error) {
      formBox.errorKey('contests.regionsFailed', { message: error.message || error.code });
    }
  }

  refreshRegionOptions();
  loadRegions().then(() => loadContests());

  const el = h('section', { 'aria-labelledby': 'contests-title' },
    h('h1', { id: 'contests-title', i18n: 'contests.title' }),
    h('section', { class: 'card', i18nAttrs: { 'aria-label': 'contests.list' } }, pageBox.el, listHolder),
    organizes(ctx.user) ? h('section', { class: 'card', 'aria-labelledby': 'contest-form-title' },
      h('h2', { id: 'contest-form-title', i18n: 'contests.create' }),
      formBox.el,
      form) : null);
  return { el, title: { key: 'contests.title' } };
}
