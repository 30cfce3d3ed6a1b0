package org.craftmark.core.pipeline;

import java.util.List;
import org.craftmark.core.common.Problem;

/** What a lifecycle action does to a contest. */
public sealed interface Transition {
    /** The status after the action: the current one unless it {@link Moved}. */
    ContestStatus status();

    /** The action moved the contest on. */
    record Moved(ContestStatus from, ContestStatus to) implements Transition {
        @Override
        public ContestStatus status() {
            return to;
        }
    }

    /** The contest was already where the action leads: a repeat, nothing to do (idempotent). */
    record Repeated(ContestStatus status) implements Transition {
    }

    /** The action does not apply in the current status (409 {@code WRONG_STATE}). */
    record WrongState(ContestStatus status, Problem problem) implements Transition {
    }

    /** The status is right but something must happen first, e.g. the notice period must end. */
    record Blocked(ContestStatus status, List<Problem> problems) implements Transition {
        public Blocked {
            problems = List.copyOf(problems);
        }
    }
}
