// The HR bureau's winner list, #/winners: filters (year, tier, region, occupation) and a format; a
// preview of the rows, and the download (GET /api/v1/winners?…&format=json|csv|xlsx).

import { h, replace } from '/assets/js/dom.js';
import { t } from '/assets/js/i18n.js';
import { busy, enumLabel, enumOptions, field, notices, showProblems, table } from '../ui.js';
import { saveDownload } from '../download.js';
import { maskId } from './entitlements.js';

const TIERS = ['DISTRICT', 'CITY', 'NATIONAL', 'WORLD'];
const PREVIEW_ROWS = 100;

export function winnersView(ctx) {
  const box = notices('winners-notices');
  const year = h('input', { type: 'number', id: 'winners-year', min: 2000, max: 2100, value: String(new Date().getFullYear()) });
  const tier = h('select', { id: 'winners-tier' }, h('option', { value: '', i18n: 'winners.anyTier' }), enumOptions('tier', TIERS));
  const region = h('select', { id: 'winners-region' }, h('option', { value: '', i18n: 'winners.anyRegion' }));
  const occupation = h('input', { type: 'text', id: 'winners-occupation', maxlength: 11, i18nAttrs: { placeholder: 'winners.occupationHint' } });
  const format = h('select', { id: 'winners-format' }, ['csv', 'xlsx', 'json'].map((f) => h('option', { value: f, i18n: `winners.format.${f}` })));
  const preview = h('button', { type: 'submit', class: 'btn', id: 'winners-preview', i18n: 'winners.preview' });
  const download = h('button', { type: 'button', class: 'btn primary', id: 'winners-download', i18n: 'winners.download' });
  const status = h('p', { id: 'winners-status', role: 'status', class: 'muted' });
  const files = h('div', { id: 'downloads', hidden: true });
  const result = h('div', { id: 'winners-rows' });
  const form = h('form', { class: 'form', id: 'winners-form', novalidate: true },
    h('div', { class: 'form-grid' },
      field({ name: 'year', labelKey: 'winners.year', control: year, optional: true }),
      field({ name: 'tier', labelKey: 'winners.tier', control: tier, optional: true }),
      field({ name: 'regionCode', labelKey: 'winners.region', control: region, optional: true }),
      field({ name: 'occupationCode', labelKey: 'winners.occupation', control: occupation, optional: true }),
      field({ name: 'format', labelKey: 'winners.formatLabel', control: format })),
    box.el, h('div', { class: 'row' }, preview, download), status, files);

  function query(wanted) {
    const params = new URLSearchParams();
    [['year', year.value], ['tier', tier.value], ['regionCode', region.value], ['occupationCode', occupation.value.trim()]]
      .filter(([, v]) => v).forEach(([k, v]) => params.set(k, v));
    params.set('format', wanted);
    return params.toString();
  }

  function render(items) {
    replace(result, table({
      testId: 'winners-table',
      captionKey: 'winners.rows', captionVars: { n: items.length, shown: Math.min(items.length, PREVIEW_ROWS) },
      columns: [{ key: 'entries.name' }, { key: 'entries.idNumber' }, { key: 'person.contest' }, { key: 'person.event' },
        { key: 'advancement.rank', class: 'num' }, { key: 'person.prize' }, { key: 'entitlements.level' },
        { key: 'entitlements.certificate' }, { key: 'entitlements.titleColumn' }, { key: 'entitlements.individual', class: 'num' }],
      rows: items.slice(0, PREVIEW_ROWS).map((r) => h('tr', { dataset: { contestId: String(r.contestId) } },
        h('td', { text: r.name }), h('td', { class: 'mono', text: maskId(r.idNumber) }), h('td', { text: r.contest }),
        h('td', { text: r.occupationName }), h('td', { class: 'num', text: String(r.rank) }), h('td', {}, enumLabel('prize', r.prize)),
        h('td', {}, enumLabel('level', r.levelAwarded)),
        h('td', { class: 'mono' }, r.certificateNo ?? '—', r.status === 'REVOKED' ? [' ', h('span', { class: 'badge REVOKED', i18n: 'entitlements.status.REVOKED' })] : null),
        h('td', { text: r.title ?? '—' }), h('td', { class: 'num', text: Number(r.individualAward).toLocaleString('zh-CN') }))),
      emptyKey: 'winners.none',
    }));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    box.clear();
    busy(preview, async () => {
      try {
        render((await ctx.api.get(`/api/v1/winners?${query('json')}`)).items);
      } catch (error) {
        showProblems(form, error, box);
      }
    });
  });
  download.addEventListener('click', () => {
    box.clear();
    busy(download, async () => {
      const chosen = format.value;
      try {
        const link = await saveDownload(ctx.api, `/api/v1/winners?${query(chosen)}`, `winners-${year.value || 'all'}.${chosen}`, {
          holder: files, onBytes: (n) => { status.textContent = t('winners.received', { kb: Math.ceil(n / 1024) }); },
        });
        status.textContent = t('winners.saved', { file: link.download });
        status.dataset.done = 'true';
      } catch (error) {
        showProblems(form, error, box);
      }
    });
  });

  ctx.api.get('/api/v1/regions').then((list) => list.items.forEach((r) => region.appendChild(
    h('option', { value: r.code, text: `${r.name}（${r.code}）` })))).catch(() => {});

  const el = h('section', { 'aria-labelledby': 'winners-title' },
    h('h1', { id: 'winners-title', i18n: 'winners.title' }),
    h('section', { class: 'card' }, h('p', { class: 'hint', i18n: 'winners.intro' }), form),
    h('section', { class: 'card' }, result));
  return { el, title: { key: 'winners.title' } };
}
