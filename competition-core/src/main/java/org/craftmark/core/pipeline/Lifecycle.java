package org.craftmark.core.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.craftmark.core.common.Problem;

/** The guarded lifecycle moves: those that need more than the right status. */
public final class Lifecycle {
    private Lifecycle() {
    }

    /**
     * PUBLISHED → FINAL, allowed when {@code now} ≥ noticeEndsAt and no appeal is open. A repeat on a
     * FINAL contest is a no-op whatever the time, so a retried request succeeds.
     *
     * @param notice null only when the contest was never published (then the status is wrong anyway)
     */
    public static Transition finalize(ContestStatus current, Instant now, NoticePeriod notice, int openAppeals) {
        Transition move = current.transition(LifecycleAction.FINALIZE);
        if (!(move instanceof Transition.Moved)) {
            return move;
        }
        List<Problem> blockers = new ArrayList<>();
        if (!notice.isOver(now)) {
            blockers.add(new Problem("noticeEndsAt", "the notice period ends at " + notice.endsAt()));
        }
        if (openAppeals > 0) {
            blockers.add(new Problem("appeals", openAppeals + " appeal(s) still open"));
        }
        return blockers.isEmpty() ? move : new Transition.Blocked(current, blockers);
    }
}
