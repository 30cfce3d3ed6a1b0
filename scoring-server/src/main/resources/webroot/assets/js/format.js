// Dates, numbers and ID numbers as people read them, the same on every page: dates as
// 2026-12-03 12:32 in the viewer's time zone (both languages: unambiguous, sorts as text), numbers
// with the locale's digits grouping, ID numbers masked as 110105********002X.

import { lang } from './i18n.js';

const pad = (n) => String(n).padStart(2, '0');

/** An ISO instant → "2026-12-03 12:32" (local time); seconds too when asked. Unparseable → as given. */
export function formatDateTime(iso, { seconds = false } = {}) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return String(iso);
  }
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${date} ${time}`;
}

/** A time of day, "12:32:05". */
export function formatTime(date = new Date()) {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A number in the page's language (digit grouping); marks keep their exact decimals. */
export function formatNumber(value, { maxDecimals = 2 } = {}) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const n = Number(value);
  if (!Number.isFinite(n)) {
    return String(value);
  }
  return n.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: maxDecimals });
}

/** Seconds as h:mm:ss (a completion time). */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '';
  }
  const s = Number(seconds);
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** 11010519491231002X → 110105********002X; an already masked number stays as it is. */
export function maskId(idNumber) {
  const text = String(idNumber ?? '');
  if (text.length <= 10) {
    return '*'.repeat(text.length);
  }
  return `${text.slice(0, 6)}${'*'.repeat(text.length - 10)}${text.slice(-4)}`;
}
