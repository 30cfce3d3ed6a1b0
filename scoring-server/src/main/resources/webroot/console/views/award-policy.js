// A paying region's cash awards, #/award-policy: pick the region, edit the amounts per tier of the
// result (GOLD, SILVER, BRONZE for the person — split among a team — and `unit` once per entry for the
// training unit), save (GET/PUT /api/v1/regions/{code}/award-policy). Whole yuan.

import { h, replace } from '/assets/js/dom.js';
import { busy, notices, showProblems } from '../ui.js';

const TIERS = ['DISTRICT', 'CITY', 'NATIONAL', 'WORLD'];
const AMOUNTS = ['GOLD', 'SILVER', 'BRONZE', 'unit'];

export function awardPolicyView(ctx) {
  const box = notices('policy-notices');
  const region = h('select', { id: 'policy-region' });
  const body = h('tbody', { id: 'policy-rows' });
  const save = h('button', { type: 'submit', class: 'btn primary', id: 'policy-save', i18n: 'policy.save' });
  const form = h('form', { class: 'form', id: 'policy-form', novalidate: true },
    h('div', { class: 'table-wrap' }, h('table', { 'data-testid': 'policy-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', i18n: 'policy.tier' }), h('th', { scope: 'col', i18n: 'policy.pays' }),
        AMOUNTS.map((a) => h('th', { scope: 'col', class: 'num', i18n: `policy.amount.${a}` })))),
      body)),
    box.el, h('div', { class: 'row' }, save));

  function render(policy) {
    replace(body, TIERS.map((tier) => {
      const amounts = policy.tiers[tier];
      const pays = h('input', { type: 'checkbox', dataset: { tier }, props: { checked: Boolean(amounts) },
        i18nAttrs: { 'aria-label': ['policy.paysFor', { tier }] } });
      const cells = AMOUNTS.map((a) => h('td', { class: 'num', dataset: { field: `tiers.${tier}.${a}` } },
        h('input', { type: 'number', min: 0, step: 1, class: 'amount', dataset: { tier, amount: a }, value: amounts ? String(amounts[a]) : '0',
          i18nAttrs: { 'aria-label': [`policy.amount.${a}`] } }), h('p', { class: 'field-error' })));
      return h('tr', { dataset: { tier, field: `tiers.${tier}` } }, h('th', { scope: 'row', i18n: `enum.tier.${tier}` }), h('td', {}, pays), cells);
    }));
  }

  function tiers() {
    const result = {};
    body.querySelectorAll('input[type=checkbox]').forEach((box) => {
      if (!box.checked) {
        return;
      }
      const tier = box.dataset.tier;
      result[tier] = {};
      body.querySelectorAll(`input.amount[data-tier=${tier}]`).forEach((input) => {
        const text = input.value.trim();
        result[tier][input.dataset.amount] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
      });
    });
    return result;
  }

  async function load() {
    box.clear();
    try {
      render(await ctx.api.get(`/api/v1/regions/${region.value}/award-policy`));
    } catch (error) {
      box.error(error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    box.clear();
    busy(save, async () => {
      try {
        render(await ctx.api.put(`/api/v1/regions/${region.value}/award-policy`, { tiers: tiers() }));
        box.success('policy.saved', { region: region.selectedOptions[0]?.textContent ?? region.value });
      } catch (error) {
        showProblems(form, error, box);
      }
    });
  });
  region.addEventListener('change', load);

  ctx.api.get('/api/v1/regions').then((list) => {
    const mine = ctx.user?.regionCode;
    replace(region, list.items.map((r) => h('option', { value: r.code, text: `${r.name}（${r.code}）`, selected: r.code === mine })));
    load();
  }).catch((error) => box.error(error));

  const el = h('section', { 'aria-labelledby': 'policy-title' },
    h('h1', { id: 'policy-title', i18n: 'policy.title' }),
    h('section', { class: 'card' }, h('p', { class: 'hint', i18n: 'policy.intro' }),
      h('label', { for: 'policy-region' }, h('span', { i18n: 'policy.region' })), ' ', region, form));
  return { el, title: { key: 'policy.title' } };
}
