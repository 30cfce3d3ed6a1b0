package org.craftmark.core.contest;

/** The tier of a contest (层级). WORLD results are recorded, never run, in Craftmark. */
public enum Tier {
    DISTRICT, CITY, NATIONAL, WORLD
}
