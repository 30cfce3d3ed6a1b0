package org.craftmark.core.awards;

import java.util.Objects;
import java.util.Optional;
import org.craftmark.core.contest.Prize;
import org.craftmark.core.contest.Prizes;

/** A rank in an event of a contest: everything the promotion and title rules decide on. */
public record Placing(ContestFacts contest, EventFacts event, int rank) {
    public Placing {
        Objects.requireNonNull(contest, "contest");
        Objects.requireNonNull(event, "event");
        Prizes.forRank(rank, event.rankedEntries()); // rejects a rank outside 1..N
    }

    /** The prize of this rank, if it wins one. */
    public Optional<Prize> prize() {
        return Prizes.forRank(rank, event.rankedEntries());
    }
}
