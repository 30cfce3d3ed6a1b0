package org.craftmark.core.marking;

import java.util.Set;

/**
 * The criteria a judge's panel seat covers: every criterion of the scheme (the organizer named
 * none), or exactly those named — possibly none, for a chief judge who only supervises.
 */
public sealed interface SeatCoverage {
    boolean covers(String criterion);

    /** Every criterion of the scheme. */
    record All() implements SeatCoverage {
        @Override
        public boolean covers(String criterion) {
            return true;
        }
    }

    /** Only the criteria named; an empty set covers nothing. */
    record Only(Set<String> criteria) implements SeatCoverage {
        public Only {
            criteria = Set.copyOf(criteria);
        }

        @Override
        public boolean covers(String criterion) {
            return criteria.contains(criterion);
        }
    }
}
