package org.craftmark.core.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.craftmark.core.common.Problem;

/** The guarded lifecycle moves: those that need more than the right status. */
public final class Lifecycle {
    private Lifecycle() {
    }

    /**
     * PUBLISHED → FINAL, allowed when {@code now} ≥ noticeEndsAt, no appeal is open and every upheld
     * appeal's corrections are published. A repeat on a FINAL contest is a no-op whatever the time, so
     * a retried request succeeds. The problems name what is missing, e.g. {@code 2 appeals are open:
     * A07 (#12), B03 (#15)}.
     *
     * @param notice       null only when the contest was never published (then the status is wrong anyway)
     * @param openAppeals  appeals still waiting for a decision
     * @param unpublished  upheld appeals whose corrections are not yet in a published results version
     */
    public static Transition finalize(ContestStatus current, Instant now, NoticePeriod notice,
                                      List<AppealRef> openAppeals, List<AppealRef> unpublished) {
        Transition move = current.transition(LifecycleAction.FINALIZE);
        if (!(move instanceof Transition.Moved)) {
            return move;
        }
        List<Problem> blockers = new ArrayList<>();
        if (!notice.isOver(now)) {
            blockers.add(new Problem("noticeEndsAt", "the notice period (公示) runs until " + notice.endsAt()));
        }
        if (!openAppeals.isEmpty()) {
            blockers.add(new Problem("appeals", count(openAppeals.size(), "appeal is", "appeals are") + " open: " + list(openAppeals)));
        }
        if (!unpublished.isEmpty()) {
            blockers.add(new Problem("resultsVersion", count(unpublished.size(), "upheld appeal has", "upheld appeals have")
                    + " corrections not yet published: " + list(unpublished) + "; republish first"));
        }
        return blockers.isEmpty() ? move : new Transition.Blocked(current, blockers);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String list(List<AppealRef> appeals) {
        return appeals.stream().map(AppealRef::toString).collect(Collectors.joining(", "));
    }
}
