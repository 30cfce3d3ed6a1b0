// Who may do what in the console, mirrored from the server's rules so controls are shown or
// enabled only when they would work (the server still decides: a 403 is shown like any error).
// Each answers {allowed, reasonKey}: pass it to ui.gate(control, …) to show why a control is off.

const AFTER_PUBLICATION = ['PUBLISHED', 'FINAL'];

export function isAdmin(user) {
  return user?.role === 'ADMIN';
}

/** ADMIN and ORGANIZER run contests; HR and judges only look. */
export function organizes(user) {
  return user?.role === 'ADMIN' || user?.role === 'ORGANIZER';
}

/** Creates and manages judge accounts. */
export function managesJudges(user) {
  return organizes(user);
}

function rule(allowed, reasonKey) {
  return { allowed: Boolean(allowed), reasonKey: allowed ? null : reasonKey };
}

/** New events and entries: while the contest is DRAFT or OPEN. */
export function registration(user, contest) {
  if (!organizes(user)) {
    return rule(false, 'why.notOrganizer');
  }
  return rule(['DRAFT', 'OPEN'].includes(contest?.status), 'why.registrationClosed');
}

/** Lifecycle moves: open (DRAFT), start (OPEN), publish (RUNNING, every event locked). */
export function lifecycle(user, contest, action, { allLocked = true } = {}) {
  if (!organizes(user)) {
    return rule(false, 'why.notOrganizer');
  }
  const from = { open: 'DRAFT', start: 'OPEN', publish: 'RUNNING' }[action];
  if (contest?.status !== from) {
    return rule(false, `why.${action}From`);
  }
  return rule(action !== 'publish' || allLocked, 'why.publishNeedsLocks');
}

/** Seating and unseating judges: until results are published, not while the event is locked. */
export function seating(user, contest, event) {
  if (!organizes(user)) {
    return rule(false, 'why.notOrganizer');
  }
  if (AFTER_PUBLICATION.includes(contest?.status)) {
    return rule(false, 'why.published');
  }
  return rule(!event?.locked, 'why.locked');
}

/** Entry status and time: organizer or the event's chief, until publication, while unlocked. */
export function entryFacts(user, contest, event, isChief) {
  if (!organizes(user) && !isChief) {
    return rule(false, 'why.notOrganizer');
  }
  if (AFTER_PUBLICATION.includes(contest?.status)) {
    return rule(false, 'why.published');
  }
  return rule(!event?.locked, 'why.locked');
}

/** The chief judge's own actions (lock, unlock, correct, recheck): the event's CHIEF alone. */
export function chiefAction(isChief, contest, { needsRunning = true } = {}) {
  if (!isChief) {
    return rule(false, 'why.notChief');
  }
  return rule(!needsRunning || contest?.status === 'RUNNING', 'why.notRunning');
}
