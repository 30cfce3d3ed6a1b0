// A contest's lifecycle as a timeline (DRAFT → OPEN → RUNNING → PUBLISHED → FINAL → advanced) with
// the organizer's next move as one button (GET /api/v1/contests/{id}/lifecycle). The button asks
// for confirmation saying what will happen ("发布 3 个竞赛项目的成绩；公示期至 2026-12-08"); when a
// precondition fails it is disabled and the reasons are listed, in the user's language, from the
// server's stable blocker kinds.

import { h, replace } from '/assets/js/dom.js';
import { t } from '/assets/js/i18n.js';
import { busy, notices } from '../ui.js';

const STEPS = ['DRAFT', 'OPEN', 'RUNNING', 'PUBLISHED', 'FINAL'];
const PATHS = { OPEN: 'open', START: 'start', PUBLISH: 'publish', REPUBLISH: 'publish', FINALIZE: 'finalize', ADVANCE: 'advance' };

/** yyyy-MM-dd HH:mm in the browser's time zone (the day a person reads, not UTC's). */
export function dateTime(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) {
    return iso ?? '—';
  }
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function dateOnly(iso) {
  return dateTime(iso).slice(0, 10);
}

/** What the next move will do, in words, for the confirmation. */
function summaryText(next) {
  const vars = {
    events: next.events, end: dateOnly(next.noticeEndsAt), version: next.resultsVersion,
    n: next.advancing ?? 0, contest: next.toContest ?? '',
  };
  return t(`lifecycle.confirm.${next.action}`, vars);
}

function blockerText(blocker) {
  const key = `lifecycle.blocker.${blocker.kind}`;
  const args = { ...blocker.args };
  if (args.until) {
    args.until = dateTime(args.until);
  }
  if (args.status) {
    args.status = t(`enum.status.${args.status}`);
  }
  const text = t(key, args);
  return text === key ? blocker.problem : text;
}

export function lifecyclePanel(ctx, contestId, onChanged) {
  const box = notices('lifecycle-notices');
  const timeline = h('ol', { class: 'timeline', id: 'lifecycle-timeline' });
  const reasons = h('ul', { class: 'problems', id: 'lifecycle-blockers' });
  const nextButton = h('button', { type: 'button', class: 'btn primary', id: 'lifecycle-next', hidden: true });
  const doneNote = h('p', { class: 'muted', id: 'lifecycle-done', hidden: true, i18n: 'lifecycle.done' });
  const confirmText = h('p', { id: 'lifecycle-confirm-text' });
  const okButton = h('button', { type: 'button', class: 'btn primary', id: 'lifecycle-confirm-ok', i18n: 'lifecycle.confirmOk' });
  const cancelButton = h('button', { type: 'button', class: 'btn', id: 'lifecycle-confirm-cancel', i18n: 'lifecycle.confirmCancel' });
  const dialog = h('dialog', { class: 'confirm', id: 'lifecycle-confirm', 'aria-labelledby': 'lifecycle-confirm-title' },
    h('h3', { id: 'lifecycle-confirm-title', i18n: 'lifecycle.confirmTitle' }),
    confirmText,
    h('div', { class: 'row' }, okButton, cancelButton));
  let current = null;

  function renderTimeline(contest) {
    const reached = STEPS.indexOf(contest.status);
    const stamps = { PUBLISHED: contest.publishedAt, FINAL: contest.finalizedAt };
    const steps = STEPS.map((status, i) => h('li', {
      class: i < reached ? 'done' : i === reached ? 'current' : 'todo',
      dataset: { status }, 'aria-current': i === reached ? 'step' : null,
    }, h('span', { class: 'step-name', i18n: `enum.status.${status}` }),
    stamps[status] ? h('span', { class: 'step-time', text: dateTime(stamps[status]) }) : null));
    if (contest.feedsInto) {
      steps.push(h('li', { class: contest.advancedAt ? 'done' : 'todo', dataset: { status: 'ADVANCED' } },
        h('span', { class: 'step-name', i18n: 'lifecycle.advanced' }),
        contest.advancedAt ? h('span', { class: 'step-time', text: dateTime(contest.advancedAt) }) : null));
    }
    replace(timeline, steps);
  }

  function render(view) {
    current = view;
    renderTimeline(view.contest);
    const next = view.next;
    nextButton.hidden = !next;
    doneNote.hidden = Boolean(next);
    replace(reasons);
    if (!next) {
      return;
    }
    nextButton.textContent = t(`lifecycle.action.${next.action}`, { version: next.resultsVersion });
    nextButton.dataset.action = next.action;
    nextButton.disabled = !next.enabled;
    if (!next.enabled) {
      replace(reasons, h('li', { class: 'lead', i18n: 'lifecycle.blocked' }),
        next.blockers.map((b) => h('li', { dataset: { kind: b.kind }, text: blockerText(b) })));
    }
  }

  async function load() {
    try {
      render(await ctx.api.get(`/api/v1/contests/${contestId}/lifecycle`));
    } catch (error) {
      box.error(error);
    }
  }

  nextButton.addEventListener('click', () => {
    if (!current?.next) {
      return;
    }
    confirmText.textContent = summaryText(current.next);
    dialog.showModal();
  });
  cancelButton.addEventListener('click', () => dialog.close());
  okButton.addEventListener('click', async () => {
    const action = current.next.action;
    dialog.close();
    box.clear();
    const done = await busy(nextButton, async () => {
      try {
        await ctx.api.post(`/api/v1/contests/${contestId}/${PATHS[action]}`, {});
        box.success(`lifecycle.done.${action}`, { version: current.next.resultsVersion, n: current.next.advancing ?? 0 });
        return true;
      } catch (error) {
        box.error(error);
        return false;
      }
    });
    // After busy() has given the button back: the new state decides whether it is enabled.
    await load();
    if (done) {
      onChanged?.(current.contest);
    }
  });

  load();
  const el = h('div', { class: 'lifecycle', id: 'lifecycle' }, timeline, box.el,
    h('div', { class: 'row' }, nextButton), reasons, doneNote, dialog);
  return { el, reload: load };
}
