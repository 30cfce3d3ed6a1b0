package org.craftmark.core.pipeline;

import org.craftmark.core.common.Problem;

/**
 * A contest's place in its lifecycle: DRAFT → OPEN (registration) → RUNNING (marking) → PUBLISHED
 * (公示, appeals) → FINAL (entitlements issued). Declared in that order.
 */
public enum ContestStatus {
    DRAFT, OPEN, RUNNING, PUBLISHED, FINAL;

    /**
     * The state machine: {@code action} from its source state moves to its target; repeating an action
     * whose target is the current state changes nothing (the API's actions are idempotent); anything
     * else is {@code WRONG_STATE}. Finalizing also needs the notice period over, see
     * {@link Lifecycle#finalize}.
     */
    public Transition transition(LifecycleAction action) {
        if (this == action.to()) {
            return new Transition.Repeated(this);
        }
        if (this == action.from()) {
            return new Transition.Moved(this, action.to());
        }
        return new Transition.WrongState(this, new Problem("status",
                "cannot " + action.verb() + " a contest that is " + this + "; it must be " + action.from()));
    }

    /** Entries may be registered (and advanced into) only before marking starts. */
    public boolean acceptsEntries() {
        return this == DRAFT || this == OPEN;
    }
}
