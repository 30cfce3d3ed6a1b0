// Sign in: POST /api/v1/auth/login → {token, expiresAt, user}. 401 is a wrong name or password;
// 429 means too many failures (Retry-After says for how long).

import { h } from '/assets/js/dom.js';
import { busy, field, notices, showProblems } from '../ui.js';

export function signInView(ctx) {
  const box = notices('signin-notices');
  const username = h('input', { id: 'signin-username', type: 'text', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'signin-password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'btn primary', id: 'signin-submit', i18n: 'signin.submit' });
  const form = h('form', { novalidate: true, id: 'signin-form' },
    h('div', { class: 'form-grid' },
      field({ name: 'username', labelKey: 'signin.username', control: username }),
      field({ name: 'password', labelKey: 'signin.password', control: password })),
    submit);

  const notice = ctx.takeSignInNotice();
  if (notice) {
    box.success(notice);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    box.clear();
    await busy(submit, async () => {
      try {
        const result = await ctx.api.post('/api/v1/auth/login', { username: username.value.trim(), password: password.value });
        ctx.signedIn(result);
      } catch (error) {
        password.value = '';
        if (error.status === 401) {
          box.errorKey('signin.wrong');
          username.focus();
        } else if (error.status === 429) {
          error.retryAfter
            ? box.errorKey('signin.rateLimited', { seconds: error.retryAfter })
            : box.errorKey('signin.rateLimitedNoTime');
        } else {
          showProblems(form, error, box);
        }
      }
    });
  });

  const el = h('section', { class: 'card signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title', i18n: 'signin.title' }),
    h('p', { class: 'muted', i18n: 'signin.intro' }),
    box.el,
    form);
  return { el, title: { key: 'signin.title' } };
}
