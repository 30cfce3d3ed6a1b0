// The tablet's two languages: 中文 (default) and English. The choice is remembered in localStorage
// under the same key the other Craftmark pages use, so a tablet keeps one language everywhere.

import { MESSAGES } from './messages.js';

const STORAGE_KEY = 'craftmark.lang';
const LANGS = ['zh', 'en'];
const HTML_LANG = { zh: 'zh-CN', en: 'en' };

let current = readStoredLang();

function readStoredLang() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(stored) ? stored : 'zh';
  } catch {
    return 'zh';
  }
}

export function lang() {
  return current;
}

export function htmlLang(which = current) {
  return HTML_LANG[which];
}

/** The message for key in the current language with {vars} filled in; the key itself if unknown. */
export function t(key, vars) {
  const text = MESSAGES[current][key] ?? MESSAGES.zh[key] ?? key;
  if (!vars) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Whether there is a message for key (error codes, enum values). */
export function has(key) {
  return key in MESSAGES[current] || key in MESSAGES.zh;
}

export function setLang(next) {
  if (!LANGS.includes(next)) {
    return;
  }
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function otherLang() {
  return current === 'zh' ? 'en' : 'zh';
}
