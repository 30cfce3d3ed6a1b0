// The 中文 / EN buttons of the public pages (公示, verification): pressed state, the group's label,
// and a page's own relabelling when the language changes.

import * as i18n from './i18n.js';

export function languageButtons(relabel = () => {}) {
  const sync = () => {
    document.getElementById('lang-switch').setAttribute('aria-label', i18n.t('lang.label'));
    document.getElementById('lang-zh').setAttribute('aria-pressed', String(i18n.lang() === 'zh'));
    document.getElementById('lang-en').setAttribute('aria-pressed', String(i18n.lang() === 'en'));
    relabel();
  };
  document.getElementById('lang-zh').addEventListener('click', () => i18n.setLang('zh'));
  document.getElementById('lang-en').addEventListener('click', () => i18n.setLang('en'));
  i18n.onChange(sync);
  sync();
  i18n.apply(document);
}
