// The leaderboard as the screen holds it, and the pure rules for keeping it exact: a snapshot
// replaces every row, a delta replaces the rows it carries and must be numbered last + 1. Nothing
// here touches the page, so the rules read on their own.

/** Rows by entryId, and the seq of the last frame applied (null before the first snapshot). */
export class BoardState {
  constructor() {
    this.seq = null;
    this.rows = new Map();
  }

  /**
   * Applies one frame from /ws/live. Answers 'applied', or 'gap' when a delta does not follow the
   * last applied frame (the caller then asks for a fresh snapshot; nothing was changed).
   */
  apply(frame) {
    if (frame.type === 'snapshot') {
      this.rows = new Map((frame.rows || []).map((row) => [row.entryId, row]));
      this.seq = frame.seq;
      return 'applied';
    }
    if (frame.type !== 'delta' || this.seq === null || frame.seq !== this.seq + 1) {
      return 'gap';
    }
    for (const row of frame.rows || []) {
      this.rows.set(row.entryId, row);
    }
    this.seq = frame.seq;
    return 'applied';
  }

  /** Leaderboard order (domain.md): ranked rows by rank, then DQ, then DNS; bib breaks ties. */
  ordered() {
    return [...this.rows.values()].sort(compareRows);
  }

  /** Whether these rows are exactly the ones REST answered for the same seq. */
  sameAs(restRows) {
    if (!Array.isArray(restRows) || restRows.length !== this.rows.size) {
      return false;
    }
    return restRows.every((row) => canonical(row) === canonical(this.rows.get(row.entryId)));
  }
}

const STATUS_ORDER = { ACTIVE: 0, DQ: 1, DNS: 2 };

/** An ACTIVE entry with no mark in yet: listed after the ranked ones as "not yet marked", at no rank. */
export function isUnmarked(row) {
  return row.status === 'ACTIVE' && row.marked === false;
}

export function compareRows(a, b) {
  const ra = isUnmarked(a) ? Number.MAX_SAFE_INTEGER - 1 : a.rank ?? Number.MAX_SAFE_INTEGER;
  const rb = isUnmarked(b) ? Number.MAX_SAFE_INTEGER - 1 : b.rank ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) {
    return ra - rb;
  }
  const sa = STATUS_ORDER[a.status] ?? 3;
  const sb = STATUS_ORDER[b.status] ?? 3;
  if (sa !== sb) {
    return sa - sb;
  }
  return String(a.bib ?? '').localeCompare(String(b.bib ?? ''), 'en', { numeric: true });
}

/** A JSON text with object keys sorted, so two rows compare by content alone. */
function canonical(value) {
  if (value === undefined) {
    return 'undefined';
  }
  return JSON.stringify(value, (key, v) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
    : v));
}

/**
 * The results are final when the contest has published them and every ranked (ACTIVE) entry is
 * completely marked; anything else is provisional.
 */
export function isFinal(published, rows) {
  return published === true && rows.every((row) => row.status !== 'ACTIVE' || row.complete === true);
}

/** A mark or total for people: exactly two decimals, done on the digits (no binary rounding). */
export function formatScore(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) {
    return text; // e.g. exponent notation, never sent for marks: show as it came
  }
  const decimals = (match[3] || '').padEnd(2, '0');
  return `${match[1] === '-' ? '−' : ''}${match[2]}.${decimals}`;
}

/**
 * Module order and scale. With the event's scheme (signed-in viewers get it), a module's bar is its
 * sum out of the module's maximum: the maxMark of its non-deduction criteria. Without it, bars are
 * relative to the best current sum in that module. Modules that only deduct show as a deduction.
 */
export function moduleScale(scheme, rows) {
  const codes = new Set();
  const maxima = new Map();
  const criteria = Array.isArray(scheme?.criteria) ? scheme.criteria : null;
  if (criteria) {
    for (const c of criteria) {
      codes.add(c.module);
      if (c.kind !== 'DEDUCTION') {
        maxima.set(c.module, (maxima.get(c.module) ?? 0) + Number(c.maxMark));
      }
    }
  }
  for (const row of rows) {
    Object.keys(row.modules || {}).forEach((code) => codes.add(code));
  }
  const best = new Map();
  const worst = new Map();
  for (const row of rows) {
    for (const [code, value] of Object.entries(row.modules || {})) {
      best.set(code, Math.max(best.get(code) ?? 0, Number(value)));
      worst.set(code, Math.min(worst.get(code) ?? 0, Number(value)));
    }
  }
  let modules = [...codes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((code) => {
    const max = maxima.get(code);
    if (criteria) {
      return { code, max: max ?? 0, deduction: !max, fromScheme: true };
    }
    // Without the scheme a module is taken to deduct only once it has taken points off and given none.
    return { code, max: best.get(code) ?? 0, deduction: !(best.get(code) > 0) && worst.get(code) < 0, fromScheme: false };
  });
  // Bars first, then the modules that only deduct (they take a narrow column at the end).
  modules.sort((a, b) => Number(a.deduction) - Number(b.deduction));
  return { modules, fromScheme: Boolean(criteria) };
}

/** A bar's share, 0…1, of a module's scale. */
export function share(value, module) {
  const v = Number(value);
  if (!module.max || !(v > 0)) {
    return 0;
  }
  return Math.min(1, v / module.max);
}
