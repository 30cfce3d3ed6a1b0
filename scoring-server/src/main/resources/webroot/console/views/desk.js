// The chief judge's desk (#/events/{id}/desk), for the event's CHIEF (裁判长); the organizer sees it
// too and publishes from it. From GET …/progress it shows marking progress as the scheme requires it
// (expected = entries × criteria × required judges, conflicts left out per judge; a judge with
// nothing to mark says so), the open disagreements with each judge's mark, and these actions:
// lock (refusals list every hold-up, each a link to the correction form), unlock with a reason,
// corrections (entry, criterion, judge → the current mark and its history, GET /entries/{id}/marks),
// the recheck (复核: draw, record outcomes) and publishing the contest (organizer).

import { h, replace } from '/assets/js/dom.js';
import { formatNumber } from '/assets/js/format.js';
import { bindText } from '/assets/js/i18n.js';
import { fieldText, problemText } from '/assets/js/problems.js';
import { chiefAction, lifecycle, organizes } from '../access.js';
import { busy, enumLabel, gate, notices, table, when } from '../ui.js';

export function deskView(ctx) {
  const eventId = ctx.params[0];
  const pageBox = notices('desk-notices');
  const lockBox = notices('lock-notices');
  const correctBox = notices('correct-notices');
  const recheckBox = notices('recheck-notices');
  const heading = h('h1', { id: 'desk-title', i18n: ['desk.title', { name: `#${eventId}` }] });
  const summary = h('div', { class: 'live-summary', id: 'desk-summary' });
  const judgesHolder = h('div', { id: 'desk-judges' }, h('p', { class: 'loading', i18n: 'common.loading' }));
  const disagreements = h('div', { id: 'desk-disagreements' });
  const lockHolder = h('div', { id: 'desk-lock' });
  const holdUps = h('ul', { class: 'hold-ups', id: 'hold-ups' });
  const correctHolder = h('div', { id: 'desk-correct' });
  const recheckHolder = h('div', { id: 'desk-recheck' });
  const publishHolder = h('div', { id: 'desk-publish' });
  const state = { event: null, contest: null, progress: null, rows: [], isChief: false, events: [] };
  const pick = { entryId: null, criterion: null, judgeUserId: null };

  const criteria = () => state.event?.scheme?.criteria ?? [];
  const criterionName = (code) => criteria().find((c) => c.code === code)?.name ?? '';
  const entryByBib = (bib) => state.rows.find((r) => r.bib === bib);

  function stat(id, labelKey, value, tone) {
    return h('div', { class: `stat ${tone}`, id, dataset: { tone } }, h('span', { class: 'stat-label', i18n: labelKey }), h('span', { class: 'stat-value' }, value));
  }

  function renderSummary(p) {
    const marks = p.marks ?? { expected: 0, in: 0, percent: 0 };
    replace(summary,
      stat('desk-stat-marks', 'desk.marks', [h('span', { class: 'stat-big', id: 'desk-percent', text: `${marks.percent}%` }),
        h('span', { class: 'muted', i18n: ['desk.marksOf', { in: marks.in, expected: marks.expected }] })], marks.missing === 0 ? 'done' : 'busy'),
      stat('desk-stat-disagreements', 'desk.disagreements', h('span', { class: 'stat-big', text: String(p.discrepancies.length) }),
        p.discrepancies.length ? 'alert' : 'done'),
      stat('desk-stat-lock', 'live.lock', h('span', { class: `badge ${p.locked ? 'locked' : 'RUNNING'}`, id: 'desk-lock-state',
        i18n: p.locked ? 'events.lockedYes' : 'events.lockedNo' }), p.locked ? 'locked' : 'open'));
  }

  function judgeCell(c) {
    if (c.assigned === 0) {
      return h('td', { class: 'cell na', dataset: { criterion: c.code }, i18n: 'desk.noEntries' });
    }
    return h('td', { class: `cell ${c.missing === 0 ? 'done' : 'h1'}`, dataset: { criterion: c.code, in: String(c.in), missing: String(c.missing) } },
      h('span', { class: 'cell-count', text: `${c.in}/${c.assigned}` }),
      c.missing > 0 ? h('span', { class: 'cell-missing', i18n: ['live.missingN', { n: c.missing }] }) : h('span', { class: 'cell-done', i18n: 'desk.nothingOpen' }));
  }

  function renderJudges(p) {
    const codes = criteria().map((c) => c.code);
    const rows = p.judges.map((j) => {
      const mine = Object.fromEntries(j.criteria.map((c) => [c.code, c]));
      return h('tr', { dataset: { username: j.username, userId: String(j.userId), nothingAssigned: String(j.nothingAssigned) } },
        h('th', { scope: 'row', class: 'judge' }, h('span', { text: j.displayName || j.username }),
          j.role === 'CHIEF' ? h('span', { class: 'badge chief', i18n: 'live.chief' }) : null,
          j.conflicts ? h('span', { class: 'muted small conflict-note', i18n: ['desk.conflictsN', { n: j.conflicts }] }) : null),
        j.nothingAssigned
          ? h('td', { class: 'cell na nothing', colspan: codes.length, i18n: 'desk.nothingAssigned' })
          : codes.map((code) => (mine[code] ? judgeCell(mine[code]) : h('td', { class: 'cell na', i18n: 'live.notAssigned' }))));
    });
    replace(judgesHolder, h('div', { class: 'table-wrap' }, h('table', { class: 'heatmap', 'data-testid': 'desk-judges' },
      h('caption', { i18n: 'desk.judgesCaption' }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', i18n: 'live.judge' }),
        codes.map((code) => h('th', { scope: 'col', class: 'crit' }, h('span', { class: 'mono', text: code }), h('span', { class: 'crit-name', text: criterionName(code) }))))),
      h('tbody', {}, rows))));
  }

  function renderDisagreements(p) {
    replace(disagreements, p.discrepancies.length === 0
      ? h('p', { class: 'muted', id: 'no-disagreements', i18n: 'live.noDiscrepancies' })
      : h('ul', { class: 'disagreement-list' }, p.discrepancies.map((d) => {
        const fix = h('button', { type: 'button', class: 'btn small', i18n: 'desk.correctThis' });
        fix.addEventListener('click', () => openCorrection(d.entryId, d.criterion, null));
        return h('li', { dataset: { bib: d.bib, criterion: d.criterion } },
          h('span', { class: 'badge DQ', text: d.bib }), ' ', h('strong', { class: 'mono', text: d.criterion }), ` ${criterionName(d.criterion)} `,
          h('span', { class: 'marks' }, (d.marks ?? []).map((m) => h('span', { class: 'mark-chip', dataset: { judge: m.name } },
            `${m.name} `, h('strong', { text: formatNumber(m.value) })))), ' ', fix);
      })));
  }

  // ---- lock and unlock
  function renderLock() {
    const p = state.progress;
    const rule = chiefAction(state.isChief, state.contest);
    if (!p.locked) {
      const lock = h('button', { type: 'button', class: 'btn primary', id: 'desk-lock-button', i18n: 'desk.lock' });
      lock.addEventListener('click', () => lockEvent(lock));
      replace(lockHolder, gate(lock, rule), holdUps);
      return;
    }
    const reason = h('input', { id: 'unlock-reason', type: 'text', maxlength: 500, i18nAttrs: { placeholder: 'desk.unlockReason' } });
    const unlock = h('button', { type: 'button', class: 'btn', id: 'desk-unlock-button', i18n: 'desk.unlock' });
    unlock.addEventListener('click', async () => {
      lockBox.clear();
      await busy(unlock, async () => {
        try {
          await ctx.api.post(`/api/v1/events/${eventId}/unlock`, { reason: reason.value.trim() });
          lockBox.success('desk.unlocked');
          await refresh();
        } catch (error) {
          lockBox.error(error);
        }
      });
    });
    replace(lockHolder, h('div', { class: 'row' }, h('label', { for: 'unlock-reason', i18n: 'desk.unlockReasonLabel' }), reason, gate(unlock, rule)));
  }

  async function lockEvent(button) {
    lockBox.clear();
    replace(holdUps);
    await busy(button, async () => {
      try {
        await ctx.api.post(`/api/v1/events/${eventId}/lock`, {});
        lockBox.success('desk.locked');
        await refresh();
      } catch (error) {
        if (error.status === 409 && error.details.length) {
          lockBox.errorKey('desk.lockRefused', { n: error.details.length });
          replace(holdUps, error.details.map(holdUp));
        } else {
          lockBox.error(error);
        }
      }
    });
  }

  /** One hold-up: "entry A07: B1" opens the correction form there; a recheck hold-up jumps to it. */
  function holdUp(detail) {
    const m = /^entry (\S+): (\S+)$/.exec(detail.field);
    const text = `${fieldText(detail.field)}：${problemText(detail)}`;
    if (m) {
      const link = h('a', { href: '#', class: 'hold-up', dataset: { bib: m[1], criterion: m[2] }, text });
      link.addEventListener('click', (e) => {
        e.preventDefault();
        const row = entryByBib(m[1]);
        openCorrection(row?.entryId ?? null, m[2], null);
      });
      return h('li', {}, link);
    }
    const link = h('a', { href: '#desk-recheck-title', class: 'hold-up', text });
    link.addEventListener('click', (e) => {
      e.preventDefault();
      document.getElementById('desk-recheck-title')?.scrollIntoView();
    });
    return h('li', {}, link);
  }

  // ---- corrections
  function openCorrection(entryId, criterion, judgeUserId) {
    pick.entryId = entryId ?? pick.entryId;
    pick.criterion = criterion ?? pick.criterion;
    pick.judgeUserId = judgeUserId;
    renderCorrection();
    document.getElementById('desk-correct-title')?.scrollIntoView();
  }

  async function renderCorrection() {
    const entry = h('select', { id: 'correct-entry' }, h('option', { value: '', i18n: 'desk.pickEntry' }),
      state.rows.map((r) => h('option', { value: String(r.entryId), text: `${r.bib} ${r.name ?? ''}`, selected: r.entryId === pick.entryId })));
    const criterion = h('select', { id: 'correct-criterion' }, h('option', { value: '', i18n: 'desk.pickCriterion' }),
      criteria().map((c) => h('option', { value: c.code, text: `${c.code} ${c.name}`, selected: c.code === pick.criterion })));
    const judges = (state.progress?.judges ?? []).filter((j) => !pick.criterion || j.criteria.some((c) => c.code === pick.criterion));
    const judge = h('select', { id: 'correct-judge' }, h('option', { value: '', i18n: 'desk.pickJudge' }),
      judges.map((j) => h('option', { value: String(j.userId), text: j.displayName || j.username, selected: j.userId === pick.judgeUserId })));
    const history = h('div', { id: 'correct-history' });
    const value = h('input', { id: 'correct-value', type: 'text', inputmode: 'decimal', autocomplete: 'off' });
    const reason = h('input', { id: 'correct-reason', type: 'text', maxlength: 500 });
    const submit = h('button', { type: 'button', class: 'btn primary', id: 'correct-submit', i18n: 'desk.correct' });
    entry.addEventListener('change', () => { pick.entryId = Number(entry.value) || null; renderCorrection(); });
    criterion.addEventListener('change', () => { pick.criterion = criterion.value || null; renderCorrection(); });
    judge.addEventListener('change', () => { pick.judgeUserId = Number(judge.value) || null; renderCorrection(); });
    submit.addEventListener('click', async () => {
      correctBox.clear();
      await busy(submit, async () => {
        try {
          const typed = value.value.trim();
          await ctx.api.post(`/api/v1/entries/${pick.entryId}/corrections`, {
            criterion: pick.criterion, judgeUserId: pick.judgeUserId, value: /^\d+(\.\d+)?$/.test(typed) ? Number(typed) : typed, reason: reason.value.trim(),
          });
          correctBox.success('desk.corrected');
          await refresh();
        } catch (error) {
          correctBox.error(error);
        }
      });
    });
    const ready = pick.entryId && pick.criterion && pick.judgeUserId;
    replace(correctHolder,
      h('div', { class: 'form-grid' },
        h('div', { class: 'field' }, h('label', { for: 'correct-entry', i18n: 'desk.entry' }), entry),
        h('div', { class: 'field' }, h('label', { for: 'correct-criterion', i18n: 'desk.criterion' }), criterion),
        h('div', { class: 'field' }, h('label', { for: 'correct-judge', i18n: 'desk.judge' }), judge)),
      history,
      h('div', { class: 'form-grid' },
        h('div', { class: 'field' }, h('label', { for: 'correct-value', i18n: 'desk.newValue' }), value),
        h('div', { class: 'field wide' }, h('label', { for: 'correct-reason', i18n: 'desk.reason' }), reason)),
      gate(submit, ready ? chiefAction(state.isChief, state.contest) : { allowed: false, reasonKey: 'desk.pickAll' }));
    if (pick.entryId && pick.criterion) {
      await showHistory(history);
    }
  }

  async function showHistory(holder) {
    try {
      const answer = await ctx.api.get(`/api/v1/entries/${pick.entryId}/marks`);
      const items = (answer?.items ?? []).filter((m) => m.criterion === pick.criterion && (!pick.judgeUserId || m.judgeUserId === pick.judgeUserId));
      const current = items.filter((m) => m.current && m.judgeUserId === pick.judgeUserId)[0];
      replace(holder,
        h('p', { id: 'correct-current' }, pick.judgeUserId
          ? (current ? [h('span', { i18n: 'desk.currentMark' }), ' ', h('strong', { text: formatNumber(current.value) })] : h('span', { class: 'alert warn', i18n: 'desk.noCurrentMark' }))
          : h('span', { class: 'muted', i18n: 'desk.pickJudge' })),
        table({
          testId: 'correct-history-table',
          captionKey: 'desk.history',
          columns: [{ key: 'desk.judge' }, { key: 'desk.version', class: 'num' }, { key: 'desk.value', class: 'num' }, { key: 'desk.at' }, { key: 'desk.note' }],
          rows: items.map((m) => h('tr', { class: m.current ? 'current' : 'superseded' },
            h('td', { text: m.judgeName }), h('td', { class: 'num', text: m.version }), h('td', { class: 'num', text: formatNumber(m.value) }),
            h('td', {}, when(m.at)),
            h('td', { class: 'wrap' }, m.correctedBy ? h('span', { i18n: ['desk.correctedBecause', { reason: m.reason ?? '' }] }) : null,
              m.counts ? null : h('span', { class: 'muted', i18n: 'desk.notCounting' })))),
          emptyKey: 'desk.noMarks',
        }));
    } catch (error) {
      correctBox.error(error);
    }
  }

  // ---- recheck (复核)
  async function renderRecheck() {
    let recheck = null;
    try {
      recheck = await ctx.api.get(`/api/v1/events/${eventId}/recheck`);
    } catch (error) {
      if (error.status !== 404) {
        recheckBox.error(error);
      }
    }
    const rule = chiefAction(state.isChief, state.contest);
    const draw = h('button', { type: 'button', class: 'btn', id: 'recheck-draw', i18n: 'desk.drawRecheck' });
    draw.addEventListener('click', async () => {
      recheckBox.clear();
      await busy(draw, async () => {
        try {
          await ctx.api.post(`/api/v1/events/${eventId}/recheck`, {});
          recheckBox.success('desk.recheckDrawn');
          await renderRecheck();
        } catch (error) {
          recheckBox.error(error);
        }
      });
    });
    const canDraw = !recheck || recheck.finished;
    if (!recheck) {
      replace(recheckHolder, h('p', { class: 'muted', i18n: 'live.recheckNone' }), gate(draw, state.progress?.locked ? { allowed: false, reasonKey: 'why.locked' } : rule));
      return;
    }
    replace(recheckHolder,
      h('p', {}, h('span', { i18n: ['live.recheckCounts', { recorded: recheck.counts.recorded, items: recheck.counts.items }] }), ' ',
        recheck.fullRecheckRequired ? h('strong', { class: 'alert error', i18n: 'live.recheckFull' }) : null),
      table({
        testId: 'recheck-items',
        captionKey: 'desk.recheckItems',
        columns: [{ key: 'desk.entry' }, { key: 'desk.why' }, { key: 'desk.outcome' }, { key: 'desk.note' }, { key: 'contests.actions' }],
        rows: recheck.items.map((item) => recheckRow(recheck, item, rule)),
        emptyKey: 'common.none',
      }),
      canDraw ? gate(draw, state.progress?.locked ? { allowed: false, reasonKey: 'why.locked' } : rule) : null);
  }

  function recheckRow(recheck, item, rule) {
    const outcome = h('select', { dataset: { entryId: String(item.entryId) } },
      h('option', { value: '', i18n: 'desk.pickOutcome' }),
      ['CONFIRMED', 'CORRECTED'].map((o) => h('option', { value: o, i18n: `enum.outcome.${o}`, selected: item.outcome === o })));
    const note = h('input', { type: 'text', maxlength: 500, value: item.note ?? '' });
    const save = h('button', { type: 'button', class: 'btn small', dataset: { action: 'record' }, i18n: 'desk.record' });
    save.addEventListener('click', async () => {
      recheckBox.clear();
      await busy(save, async () => {
        try {
          await ctx.api.post(`/api/v1/rechecks/${recheck.id}/items/${item.entryId}`, { outcome: outcome.value || null, note: note.value.trim() || null });
          recheckBox.success('desk.recorded', { bib: item.bib });
          await renderRecheck();
        } catch (error) {
          recheckBox.error(error);
        }
      });
    });
    return h('tr', { dataset: { bib: item.bib, outcome: item.outcome ?? '' } },
      h('td', { class: 'mono', text: item.bib }), h('td', {}, enumLabel('recheckWhy', item.why)),
      h('td', {}, outcome), h('td', {}, note), h('td', {}, gate(save, rule)));
  }

  // ---- publish (the organizer's)
  function renderPublish() {
    if (!organizes(ctx.user) || !state.contest) {
      replace(publishHolder, h('p', { class: 'muted', i18n: 'desk.publishByOrganizer' }));
      return;
    }
    const allLocked = state.events.length > 0 && state.events.every((e) => e.locked);
    const publish = h('button', { type: 'button', class: 'btn primary', id: 'desk-publish-button', i18n: 'desk.publish' });
    publish.addEventListener('click', async () => {
      pageBox.clear();
      await busy(publish, async () => {
        try {
          await ctx.api.post(`/api/v1/contests/${state.contest.id}/publish`, {});
          pageBox.success('desk.published', { name: state.contest.name });
          await load();
        } catch (error) {
          pageBox.error(error);
        }
      });
    });
    replace(publishHolder,
      h('p', {}, h('span', { i18n: 'contests.status' }), '：', enumLabel('status', state.contest.status)),
      gate(publish, lifecycle(ctx.user, state.contest, 'publish', { allLocked })));
  }

  async function refresh() {
    try {
      const [progress, board] = await Promise.all([
        ctx.api.get(`/api/v1/events/${eventId}/progress`),
        ctx.api.get(`/api/v1/events/${eventId}/leaderboard`).catch(() => ({ rows: [] })),
      ]);
      state.progress = progress;
      state.rows = [...(board?.rows ?? [])].sort((a, b) => String(a.bib).localeCompare(String(b.bib)));
      state.isChief = progress.judges.some((j) => j.userId === ctx.user?.id && j.role === 'CHIEF');
      const contestEvents = await ctx.api.get(`/api/v1/contests/${state.event.contestId}/events`).catch(() => ({ items: [] }));
      state.events = contestEvents?.items ?? [];
      state.contest = await ctx.api.get(`/api/v1/contests/${state.event.contestId}`);
      renderSummary(progress);
      renderJudges(progress);
      renderDisagreements(progress);
      renderLock();
      renderCorrection();
      renderRecheck();
      renderPublish();
    } catch (error) {
      pageBox.error(error);
    }
  }

  async function load() {
    try {
      state.event = await ctx.api.get(`/api/v1/events/${eventId}`);
      const name = state.event.occupationName;
      bindText(heading, 'desk.title', { name });
      ctx.setTitle('desk.title', { name });
      await refresh();
    } catch (error) {
      pageBox.error(error);
    }
  }
  load();

  const el = h('section', { 'aria-labelledby': 'desk-title', class: 'desk' },
    h('nav', { class: 'breadcrumbs', i18nAttrs: { 'aria-label': 'nav.contests' } },
      h('ol', {}, h('li', {}, h('a', { href: '#/contests', i18n: 'nav.contests' })),
        h('li', {}, h('a', { href: `#/events/${eventId}`, i18n: 'panel.backToEvent' })))),
    h('div', { class: 'spread' }, heading,
      h('button', { type: 'button', class: 'btn small', id: 'desk-refresh', i18n: 'desk.refresh', on: { click: () => refresh() } })),
    pageBox.el,
    summary,
    h('div', { class: 'live-columns' },
      h('div', {},
        h('section', { class: 'card' }, h('h2', { i18n: 'desk.judgesTitle' }), judgesHolder),
        h('section', { class: 'card' }, h('h2', { i18n: 'desk.disagreementsTitle' }), disagreements),
        h('section', { class: 'card' }, h('h2', { id: 'desk-recheck-title', i18n: 'live.recheckTitle' }), recheckBox.el, recheckHolder)),
      h('div', {},
        h('section', { class: 'card' }, h('h2', { i18n: 'desk.lockTitle' }), lockBox.el, lockHolder),
        h('section', { class: 'card' }, h('h2', { id: 'desk-correct-title', i18n: 'desk.correctTitle' }), correctBox.el, correctHolder),
        h('section', { class: 'card' }, h('h2', { i18n: 'desk.publishTitle' }), publishHolder))));
  return { el, title: { key: 'desk.title', vars: { name: `#${eventId}` } } };
}

