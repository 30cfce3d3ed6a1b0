// What a FINAL contest granted, #/contests/{id}/entitlements: one row per ranked person with prize,
// level (or why none), certificate (PDF; ADMIN may revoke), title and cash awards; filters by event,
// level and title; totals per paying region; every certificate as one ZIP, with progress
// (GET …/entitlements, …/certificates.zip?progress=…, /api/v1/downloads/{token}).

import { h, replace } from '/assets/js/dom.js';
import { bindText, t } from '/assets/js/i18n.js';
import { busy, enumLabel, notices, table } from '../ui.js';
import { saveDownload } from '../download.js';

const LEVELS = ['L5', 'L4', 'L3', 'L2', 'L1'];

/** 110105********002X: the birth date hidden, enough left to tell two people apart. */
export function maskId(idNumber) {
  return idNumber && idNumber.length === 18 ? `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` : idNumber ?? '';
}

function yuan(amount) {
  return Number(amount || 0).toLocaleString('zh-CN');
}

export function entitlementsView(ctx) {
  const contestId = ctx.params[0];
  const heading = h('h1', { id: 'entitlements-title', i18n: ['entitlements.title', { name: `#${contestId}` }] });
  const crumb = h('a', { href: `#/contests/${contestId}`, text: `#${contestId}` });
  const box = notices('entitlements-notices');
  const eventFilter = h('select', { id: 'filter-event' }, h('option', { value: '', i18n: 'entitlements.allEvents' }));
  const levelFilter = h('select', { id: 'filter-level' }, h('option', { value: '', i18n: 'entitlements.allLevels' }),
    LEVELS.map((l) => h('option', { value: l, i18n: `enum.level.${l}` })), h('option', { value: 'NONE', i18n: 'entitlements.noLevel' }));
  const titleFilter = h('select', { id: 'filter-title' }, h('option', { value: '', i18n: 'entitlements.anyTitle' }),
    h('option', { value: 'yes', i18n: 'entitlements.withTitle' }), h('option', { value: 'no', i18n: 'entitlements.withoutTitle' }));
  const totals = h('div', { id: 'payer-totals' });
  const rowsHolder = h('div', { id: 'entitlement-rows' }, h('p', { class: 'loading', i18n: 'common.loading' }));
  const zipButton = h('button', { type: 'button', class: 'btn', id: 'zip-download', i18n: 'entitlements.zip' });
  const zipProgress = h('progress', { id: 'zip-progress', max: 1, value: 0, hidden: true });
  const zipStatus = h('span', { id: 'zip-status', class: 'muted', role: 'status' });
  const files = h('div', { id: 'downloads', hidden: true });
  let rows = [];
  let events = [];
  let regions = [];

  function regionName(code) {
    return regions.find((r) => r.code === code)?.name ?? code;
  }

  function shown() {
    return rows.filter((r) => (!eventFilter.value || String(r.eventId) === eventFilter.value)
      && (!levelFilter.value || (levelFilter.value === 'NONE' ? !r.levelAwarded : r.levelAwarded === levelFilter.value))
      && (!titleFilter.value || (titleFilter.value === 'yes') === Boolean(r.title)));
  }

  function renderTotals(visible) {
    const sums = new Map();
    visible.forEach((r) => r.awards.forEach((a) => {
      const sum = sums.get(a.payerRegionCode) ?? { individual: 0, unit: 0 };
      sum.individual += a.individual;
      sum.unit += a.unit;
      sums.set(a.payerRegionCode, sum);
    }));
    replace(totals, table({
      testId: 'payer-totals-table',
      captionKey: 'entitlements.totals',
      columns: [{ key: 'entitlements.payer' }, { key: 'entitlements.individual', class: 'num' }, { key: 'entitlements.unitAward', class: 'num' },
        { key: 'entitlements.sum', class: 'num' }],
      rows: [...sums.entries()].map(([code, s]) => h('tr', { dataset: { payer: code } },
        h('td', { text: `${regionName(code)}（${code}）` }), h('td', { class: 'num', text: yuan(s.individual) }),
        h('td', { class: 'num', text: yuan(s.unit) }), h('td', { class: 'num', text: yuan(s.individual + s.unit) }))),
      emptyKey: 'entitlements.noAwards',
    }));
  }

  function certificateCell(row) {
    if (!row.certificateNo) {
      return h('span', { i18n: 'common.dash' });
    }
    const pdf = h('button', { type: 'button', class: 'btn small', dataset: { pdf: row.certificateNo }, i18n: 'entitlements.pdf' });
    pdf.addEventListener('click', () => busy(pdf, async () => {
      try {
        await saveDownload(ctx.api, `/api/v1/certificates/${row.certificateNo}/pdf`, `${row.certificateNo}.pdf`, { holder: files });
      } catch (error) {
        box.error(error);
      }
    }));
    const parts = [h('span', { class: 'mono', text: row.certificateNo }), ' ',
      h('span', { class: `badge ${row.certificateStatus}`, i18n: `entitlements.status.${row.certificateStatus}` }), ' ', pdf];
    if (ctx.user?.role === 'ADMIN' && row.certificateStatus === 'VALID') {
      parts.push(' ', revokeControl(row));
    }
    return h('div', { class: 'certificate' }, parts);
  }

  function revokeControl(row) {
    const reason = h('input', { type: 'text', class: 'revoke-reason', maxlength: 500, hidden: true,
      i18nAttrs: { placeholder: 'entitlements.revokeReason', 'aria-label': 'entitlements.revokeReason' } });
    const button = h('button', { type: 'button', class: 'btn small danger', dataset: { revoke: row.certificateNo }, i18n: 'entitlements.revoke' });
    button.addEventListener('click', () => {
      if (reason.hidden) {
        reason.hidden = false;
        bindText(button, 'entitlements.revokeConfirm');
        reason.focus();
        return;
      }
      busy(button, async () => {
        try {
          await ctx.api.post(`/api/v1/certificates/${row.certificateNo}/revoke`, { reason: reason.value });
          box.success('entitlements.revoked', { no: row.certificateNo });
          await load();
        } catch (error) {
          box.error(error);
        }
      });
    });
    return h('span', { class: 'revoke' }, reason, button);
  }

  function levelCell(row) {
    if (row.levelAwarded) {
      return enumLabel('level', row.levelAwarded);
    }
    return row.levelReason ? h('span', { class: 'muted', i18n: `entitlements.reason.${row.levelReason}` }) : h('span', { i18n: 'common.dash' });
  }

  function render() {
    const visible = shown();
    renderTotals(visible);
    const eventName = (id) => events.find((e) => e.id === id)?.occupationName ?? `#${id}`;
    // One event: its name is in the filter, not on every row.
    const several = events.length > 1;
    replace(rowsHolder, table({
      testId: 'entitlements-table',
      captionKey: 'entitlements.rows', captionVars: { n: visible.length },
      columns: [several ? { key: 'entitlements.event' } : null, { key: 'entries.bib' }, { key: 'entries.name' },
        { key: 'entries.idNumber' }, { key: 'entitlements.placing' }, { key: 'entitlements.level' },
        { key: 'entitlements.certificate' }, { key: 'entitlements.titleColumn' }, { key: 'entitlements.individual', class: 'num' },
        { key: 'entitlements.unitAward', class: 'num' }].filter(Boolean),
      rows: visible.map((r) => h('tr', { dataset: { entryId: String(r.entryId), level: r.levelAwarded ?? '' } },
        several ? h('td', { text: eventName(r.eventId) }) : null,
        h('td', { class: 'mono', text: r.bib }),
        h('td', { text: r.name }),
        h('td', { class: 'mono', text: maskId(r.idNumber) }),
        h('td', {}, h('span', { class: 'rank', text: String(r.rank) }), ' ', enumLabel('prize', r.prize)),
        h('td', {}, levelCell(r)),
        h('td', {}, certificateCell(r)),
        h('td', { text: r.title ?? '—' }),
        h('td', { class: 'num', text: yuan(r.individualAward) }),
        h('td', { class: 'num', title: r.unit ?? '' }, h('span', { text: yuan(r.unitAward) }),
          r.unit ? h('span', { class: 'muted block small', text: r.unit }) : null))),
      emptyKey: 'entitlements.empty',
    }));
  }

  async function zip() {
    const token = crypto.randomUUID();
    zipProgress.hidden = false;
    zipProgress.value = 0;
    const poll = setInterval(async () => {
      try {
        const p = await ctx.api.get(`/api/v1/downloads/${token}`);
        zipProgress.max = Math.max(1, p.total);
        zipProgress.value = p.done;
        zipStatus.textContent = t('entitlements.zipProgress', { done: p.done, total: p.total });
      } catch {
        // not started yet; the next poll asks again
      }
    }, 300);
    try {
      await saveDownload(ctx.api, `/api/v1/contests/${contestId}/certificates.zip?progress=${token}`, `certificates-${contestId}.zip`,
        { holder: files });
      const p = await ctx.api.get(`/api/v1/downloads/${token}`);
      zipProgress.max = Math.max(1, p.total);
      zipProgress.value = p.total;
      zipStatus.textContent = t('entitlements.zipDone', { total: p.total });
      zipStatus.dataset.done = 'true';
    } catch (error) {
      box.error(error);
    } finally {
      clearInterval(poll);
    }
  }
  zipButton.addEventListener('click', () => busy(zipButton, zip));
  [eventFilter, levelFilter, titleFilter].forEach((s) => s.addEventListener('change', render));

  async function load() {
    try {
      const [contest, eventList, regionList, result] = await Promise.all([
        ctx.api.get(`/api/v1/contests/${contestId}`), ctx.api.get(`/api/v1/contests/${contestId}/events`),
        ctx.api.get('/api/v1/regions').catch(() => ({ items: [] })), ctx.api.get(`/api/v1/contests/${contestId}/entitlements`)]);
      bindText(heading, 'entitlements.title', { name: contest.name });
      crumb.textContent = contest.name;
      ctx.setTitle('entitlements.title', { name: contest.name });
      events = eventList.items;
      regions = regionList.items;
      rows = result.items;
      if (eventFilter.options.length === 1) {
        events.forEach((e) => eventFilter.appendChild(h('option', { value: String(e.id), text: e.occupationName })));
      }
      zipButton.hidden = ctx.user?.role === 'HR';
      render();
    } catch (error) {
      box.error(error);
      replace(rowsHolder);
    }
  }
  load();

  const el = h('section', { 'aria-labelledby': 'entitlements-title' },
    h('nav', { class: 'breadcrumbs', i18nAttrs: { 'aria-label': 'nav.contests' } },
      h('ol', {}, h('li', {}, h('a', { href: '#/contests', i18n: 'nav.contests' })), h('li', {}, crumb),
        h('li', { 'aria-current': 'page', i18n: 'contest.entitlementsLink' }))),
    heading, box.el,
    h('section', { class: 'card' },
      h('div', { class: 'row filters' },
        h('label', {}, h('span', { i18n: 'entitlements.event' }), ' ', eventFilter),
        h('label', {}, h('span', { i18n: 'entitlements.level' }), ' ', levelFilter),
        h('label', {}, h('span', { i18n: 'entitlements.titleColumn' }), ' ', titleFilter)),
      totals),
    h('section', { class: 'card' },
      h('div', { class: 'row' }, zipButton, zipProgress, zipStatus), files, rowsHolder));
  return { el, title: { key: 'entitlements.title', vars: { name: `#${contestId}` } } };
}
