// A tiny element builder. Everything that comes from the server or the user is set as text, never
// parsed as HTML, so names and problems cannot inject markup.

import { bindAttr, bindText } from './i18n.js';

/**
 * h('button', {type: 'button', i18n: 'save', on: {click}}, child, …)
 * Props: text (literal text), i18n ('key' or ['key', vars]), i18nAttrs ({attr: 'key' | ['key', vars]}),
 * on ({event: handler}), dataset, props (DOM properties such as value or checked); any other prop
 * is an attribute (true → present, false/null/undefined → absent).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    switch (name) {
      case 'text':
        el.textContent = String(value);
        break;
      case 'i18n':
        Array.isArray(value) ? bindText(el, value[0], value[1]) : bindText(el, value);
        break;
      case 'i18nAttrs':
        for (const [attr, key] of Object.entries(value)) {
          Array.isArray(key) ? bindAttr(el, attr, key[0], key[1]) : bindAttr(el, attr, key);
        }
        break;
      case 'on':
        for (const [event, handler] of Object.entries(value)) {
          el.addEventListener(event, handler);
        }
        break;
      case 'dataset':
        Object.assign(el.dataset, value);
        break;
      case 'props':
        Object.assign(el, value);
        break;
      case 'style':
        // Through the CSSOM, not a style attribute: the pages' CSP (style-src 'self') refuses those.
        el.style.cssText = String(value);
        break;
      default:
        el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces el's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let idCounter = 0;

/** A document-unique id with a readable prefix, for label/for and aria-describedby pairs. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
