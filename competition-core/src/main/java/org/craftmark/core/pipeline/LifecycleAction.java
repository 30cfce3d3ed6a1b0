package org.craftmark.core.pipeline;

import java.util.Locale;

/** The organizer's lifecycle actions, each a move from one {@link ContestStatus} to the next. */
public enum LifecycleAction {
    OPEN(ContestStatus.DRAFT, ContestStatus.OPEN),
    START(ContestStatus.OPEN, ContestStatus.RUNNING),
    PUBLISH(ContestStatus.RUNNING, ContestStatus.PUBLISHED),
    FINALIZE(ContestStatus.PUBLISHED, ContestStatus.FINAL);

    private final ContestStatus from;
    private final ContestStatus to;

    LifecycleAction(ContestStatus from, ContestStatus to) {
        this.from = from;
        this.to = to;
    }

    public ContestStatus from() {
        return from;
    }

    public ContestStatus to() {
        return to;
    }

    /** The action as a verb in messages, e.g. {@code publish}. */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }
}
