// Marks as the rulebook defines them (domain.md, "Marking schemes"): a decimal with at most 2
// decimals in [0, maxMark]; for WSS criteria an integer 0, 1, 2 or 3. Checked here, in exact
// hundredths (never binary floating point arithmetic), before a mark is queued.

const FULL_WIDTH = /[０-９．。]/g;

function halfWidth(text) {
  return text.replace(FULL_WIDTH, (ch) => {
    if (ch === '．' || ch === '。') {
      return '.';
    }
    return String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30);
  });
}

/** maxMark (a JSON number with at most 2 decimals) in hundredths. */
export function hundredths(number) {
  return Math.round(Number(number) * 100);
}

/** How a limit or mark reads: 20, 17.5, 0.25 (no trailing zeros). */
export function formatNumber(number) {
  return String(Number(number));
}

export function isWss(criterion) {
  return criterion.method === 'WSS';
}

/**
 * Checks what the judge typed against the criterion. Answers {ok: true, value, text} with value the
 * JSON number to send and text how it reads, or {ok: false, problem, raw} where problem is one of
 * empty, notNumber, decimals, range, wss.
 */
export function parseMark(raw, criterion) {
  const typed = halfWidth(String(raw ?? '')).trim();
  if (typed === '') {
    return { ok: false, problem: 'empty', raw: typed };
  }
  if (/^-\s*\.?\d/.test(typed)) {
    return { ok: false, problem: isWss(criterion) ? 'wss' : 'range', raw: typed }; // below 0
  }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(typed);
  if (!match || (match[1] === '' && !match[2])) {
    return { ok: false, problem: 'notNumber', raw: typed };
  }
  const whole = match[1] === '' ? '0' : match[1];
  const fraction = (match[2] || '').replace(/0+$/, '');
  if (isWss(criterion)) {
    if (fraction !== '' || whole.length > 2 || Number(whole) > 3) {
      return { ok: false, problem: 'wss', raw: typed };
    }
    const value = Number(whole);
    return { ok: true, value, text: String(value) };
  }
  if (fraction.length > 2) {
    return { ok: false, problem: 'decimals', raw: typed };
  }
  if (whole.replace(/^0+/, '').length > 4) {
    return { ok: false, problem: 'range', raw: typed };
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (cents < 0 || cents > hundredths(criterion.maxMark)) {
    return { ok: false, problem: 'range', raw: typed };
  }
  const text = fraction === '' ? String(Number(whole)) : `${Number(whole)}.${fraction}`;
  return { ok: true, value: Number(text), text };
}

/** A random UUID, also where crypto.randomUUID is missing (plain http:// on the hall network). */
export function newClientMarkId() {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
