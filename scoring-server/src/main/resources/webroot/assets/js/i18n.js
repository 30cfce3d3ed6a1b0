// Two languages for every Craftmark page: 中文 (default) and English. The choice is remembered in
// localStorage and shared by all apps on this origin. Elements rendered with a message key carry it
// in data-i18n attributes, so switching language relabels the page in place: nothing the user typed
// is lost.

const STORAGE_KEY = 'craftmark.lang';
const LANGS = ['zh', 'en'];
const HTML_LANG = { zh: 'zh-CN', en: 'en' };

const dictionaries = { zh: {}, en: {} };
const listeners = new Set();
let current = readStoredLang();

function readStoredLang() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(stored) ? stored : 'zh';
  } catch {
    return 'zh';
  }
}

/** Adds an app's messages: {zh: {key: text}, en: {key: text}}; `{name}` marks a variable. */
export function register(messages) {
  for (const lang of LANGS) {
    Object.assign(dictionaries[lang], messages[lang] || {});
  }
}

export function lang() {
  return current;
}

/** The message for key in the current language, with {vars} filled in; the key itself if unknown. */
export function t(key, vars) {
  const text = dictionaries[current][key] ?? dictionaries.zh[key] ?? key;
  if (!vars) {
    return text;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Whether a message exists for key (used to translate enum values and error codes when known). */
export function has(key) {
  return key in dictionaries[current] || key in dictionaries.zh;
}

export function setLang(next) {
  if (!LANGS.includes(next) || next === current) {
    return;
  }
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  apply(document);
  listeners.forEach((listener) => listener(next));
}

export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Marks el as showing message key (textContent), optionally with vars; sets the text now. */
export function bindText(el, key, vars) {
  el.dataset.i18n = key;
  if (vars) {
    el.dataset.i18nVars = JSON.stringify(vars);
  } else {
    delete el.dataset.i18nVars;
  }
  el.textContent = t(key, vars);
  return el;
}

/** Marks el's attribute (placeholder, aria-label, title…) as showing message key. */
export function bindAttr(el, attr, key, vars) {
  const bindings = readAttrBindings(el);
  bindings[attr] = { key, vars };
  el.dataset.i18nAttr = JSON.stringify(bindings);
  el.setAttribute(attr, t(key, vars));
  return el;
}

function readAttrBindings(el) {
  try {
    return el.dataset.i18nAttr ? JSON.parse(el.dataset.i18nAttr) : {};
  } catch {
    return {};
  }
}

/** Relabels everything under root in the current language. */
export function apply(root) {
  document.documentElement.lang = HTML_LANG[current];
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    const vars = el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined;
    el.textContent = t(el.dataset.i18n, vars);
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((el) => {
    for (const [attr, { key, vars }] of Object.entries(readAttrBindings(el))) {
      el.setAttribute(attr, t(key, vars));
    }
  });
}
