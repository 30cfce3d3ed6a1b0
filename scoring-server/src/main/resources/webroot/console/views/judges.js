// Judges (#/judges): find judge accounts by name, username or work unit (GET /api/v1/users?role=JUDGE&q=),
// create one (POST /api/v1/users), reset a password or disable/enable one (PATCH /api/v1/users/{id}).
// Organizers see the judges of their region; ADMIN everyone. A new password or disabling signs the
// judge out everywhere (the server ends their sessions).

import { h, replace } from '/assets/js/dom.js';
import { t } from '/assets/js/i18n.js';
import { managesJudges } from '../access.js';
import { busy, clearProblems, confirmed, field, notices, showProblems, table } from '../ui.js';

export function judgesView(ctx) {
  const pageBox = notices('judges-notices');
  const formBox = notices('judge-form-notices');
  const listHolder = h('div', { id: 'judges-list' }, h('p', { class: 'loading', i18n: 'common.loading' }));
  const search = h('input', { id: 'judge-search', type: 'search', autocomplete: 'off', i18nAttrs: { placeholder: 'judges.searchHint' } });
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  });

  const username = h('input', { id: 'judge-username', type: 'text', autocapitalize: 'none', spellcheck: 'false', autocomplete: 'off' });
  const displayName = h('input', { id: 'judge-display-name', type: 'text', maxlength: 100 });
  const affiliation = h('input', { id: 'judge-affiliation', type: 'text', maxlength: 200 });
  const password = h('input', { id: 'judge-password', type: 'text', autocomplete: 'new-password', minlength: 6 });
  const submit = h('button', { type: 'submit', class: 'btn primary', id: 'judge-submit', i18n: 'judges.create' });
  const form = h('form', { novalidate: true, id: 'judge-form' },
    h('div', { class: 'form-grid' },
      field({ name: 'displayName', labelKey: 'judges.displayName', control: displayName }),
      field({ name: 'affiliation', labelKey: 'judges.affiliation', control: affiliation, hintKey: 'judges.affiliationHint', optional: true }),
      field({ name: 'username', labelKey: 'judges.username', control: username }),
      field({ name: 'password', labelKey: 'judges.password', control: password, hintKey: 'judges.passwordHint' })),
    submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    formBox.clear();
    const body = {
      username: username.value.trim(), password: password.value, role: 'JUDGE', displayName: displayName.value.trim(),
      affiliation: affiliation.value.trim() || null,
    };
    await busy(submit, async () => {
      try {
        const created = await ctx.api.post('/api/v1/users', body);
        formBox.success('judges.created', { name: created.displayName, username: created.username });
        [username, displayName, affiliation, password].forEach((input) => { input.value = ''; });
        await load();
      } catch (error) {
        showProblems(form, error, formBox);
      }
    });
  });

  async function change(judge, patch, button, successKey) {
    pageBox.clear();
    await busy(button, async () => {
      try {
        await ctx.api.patch(`/api/v1/users/${judge.id}`, patch);
        pageBox.success(successKey, { name: judge.displayName });
        await load();
      } catch (error) {
        pageBox.error(error, error.details, judge.displayName);
      }
    });
  }

  function judgeRow(judge) {
    const reset = h('button', { type: 'button', class: 'btn small', dataset: { action: 'reset' }, i18n: 'judges.resetPassword' });
    reset.addEventListener('click', () => {
      const next = window.prompt(t('judges.newPasswordPrompt', { name: judge.displayName }));
      if (next !== null) {
        change(judge, { password: next }, reset, 'judges.passwordReset');
      }
    });
    const toggle = h('button', {
      type: 'button', class: `btn small${judge.disabled ? '' : ' danger'}`, dataset: { action: judge.disabled ? 'enable' : 'disable' },
      i18n: judge.disabled ? 'judges.enable' : 'judges.disable',
    });
    toggle.addEventListener('click', () => {
      if (judge.disabled || confirmed('judges.disableConfirm', { name: judge.displayName })) {
        change(judge, { disabled: !judge.disabled }, toggle, judge.disabled ? 'judges.enabled' : 'judges.disabled');
      }
    });
    return h('tr', { dataset: { userId: String(judge.id), username: judge.username } },
      h('td', { class: 'wrap' }, h('strong', { text: judge.displayName })),
      h('td', { class: 'mono', text: judge.username }),
      h('td', { class: 'wrap', text: judge.affiliation || '' }),
      h('td', {}, judge.disabled
        ? h('span', { class: 'badge DQ', i18n: 'judges.isDisabled' })
        : h('span', { class: 'badge RUNNING', i18n: 'judges.isActive' })),
      h('td', { class: 'actions-cell' }, h('div', { class: 'row' }, reset, toggle)));
  }

  async function load() {
    try {
      const q = search.value.trim();
      const result = await ctx.api.get(`/api/v1/users?role=JUDGE${q ? `&q=${encodeURIComponent(q)}` : ''}`);
      const judges = Array.isArray(result?.items) ? result.items : [];
      replace(listHolder, table({
        testId: 'judges-table',
        captionKey: 'judges.list',
        columns: [{ key: 'judges.displayName' }, { key: 'judges.username' }, { key: 'judges.affiliation' },
          { key: 'judges.state' }, { key: 'contests.actions' }],
        rows: judges.map(judgeRow),
        emptyKey: q ? 'judges.noMatch' : 'judges.empty',
      }));
    } catch (error) {
      pageBox.error(error);
      replace(listHolder);
    }
  }

  if (!managesJudges(ctx.user)) {
    return {
      el: h('section', {}, h('h1', { i18n: 'judges.title' }), h('p', { class: 'alert error', i18n: 'why.notOrganizer' })),
      title: { key: 'judges.title' },
    };
  }
  load();

  const el = h('section', { 'aria-labelledby': 'judges-title' },
    h('h1', { id: 'judges-title', i18n: 'judges.title' }),
    h('section', { class: 'card', 'aria-labelledby': 'judges-list-title' },
      h('div', { class: 'spread' }, h('h2', { id: 'judges-list-title', i18n: 'judges.list' }),
        h('label', { class: 'search' }, h('span', { i18n: 'judges.search' }), search)),
      pageBox.el, listHolder),
    h('section', { class: 'card', 'aria-labelledby': 'judge-form-title' },
      h('h2', { id: 'judge-form-title', i18n: 'judges.new' }),
      formBox.el, form));
  return { el, title: { key: 'judges.title' } };
}
