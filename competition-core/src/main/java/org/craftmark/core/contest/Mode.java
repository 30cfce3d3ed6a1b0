package org.craftmark.core.contest;

/** Whether an event is contested by individuals or by teams (then of 2–6 members). */
public enum Mode {
    INDIVIDUAL, TEAM
}
