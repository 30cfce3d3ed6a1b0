package org.craftmark.server.contests;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.pipeline.AppealRef;
import org.craftmark.core.pipeline.Lifecycle;
import org.craftmark.core.pipeline.NoticePeriod;
import org.craftmark.core.pipeline.Transition;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.AppealStore.AppealStatus;
import org.craftmark.server.store.AppealStore.StoredAppeal;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * PUBLISHED → FINAL once the notice period (公示) is over, no appeal is open and every upheld appeal's
 * corrections are published; the {@link FinalizationStep}s (entitlements, certificates) run in the
 * same transaction. Finalizing a FINAL contest again changes nothing.
 */
public final class FinalizationService {
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final List<FinalizationStep> steps = new CopyOnWriteArrayList<>();

    public FinalizationService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public void addStep(FinalizationStep step) {
        steps.add(step);
    }

    public StoredContest finalizeContest(SignedInUser actor, long contestId) {
        return db.transaction(tx -> {
            StoredContest contest = tx.contests().findForUpdate(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
            Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
            Instant now = clock.instant();
            switch (check(tx, contest, now)) {
                case Transition.Moved moved -> makeFinal(tx, actor, contest, now);
                case Transition.Repeated repeated -> {
                    // Idempotent: already FINAL, nothing is issued twice.
                }
                case Transition.WrongState wrong -> throw ContestService.wrongState(wrong.problem());
                case Transition.Blocked blocked -> throw ApiException.conflict("WRONG_STATE", "The contest cannot be finalized yet: "
                        + blocked.problems().stream().map(Problem::problem).collect(Collectors.joining("; ")) + ".", blocked.problems());
            }
            return tx.contests().find(contestId).orElseThrow();
        });
    }

    /** What finalizing would do now: the rulebook's transition with every blocker named. */
    public static Transition check(Stores tx, StoredContest contest, Instant now) {
        NoticePeriod notice = contest.publishedAt() == null ? null : new NoticePeriod(contest.publishedAt(), contest.noticeDays());
        List<StoredAppeal> appeals = tx.appeals().ofContest(contest.id());
        return Lifecycle.finalize(contest.status(), now, notice,
                refs(tx, appeals, a -> a.status() == AppealStatus.OPEN), refs(tx, appeals, StoredAppeal::awaitsRepublication));
    }

    private static List<AppealRef> refs(Stores tx, List<StoredAppeal> appeals, Predicate<StoredAppeal> which) {
        return appeals.stream().filter(which)
                .map(a -> new AppealRef(a.id(), tx.entries().find(a.entryId()).map(StoredEntry::bib).orElse("?")))
                .toList();
    }

    private void makeFinal(Stores tx, SignedInUser actor, StoredContest contest, Instant now) {
        tx.contests().markFinal(contest.id(), now);
        for (FinalizationStep step : steps) {
            step.contestFinal(tx, actor, contest, now);
        }
        audit.record(tx, actor, "contest.finalize", "contest:" + contest.id(), contest.id(), new JsonObject()
                .put("resultsVersion", contest.resultsVersion()).put("finalizedAt", now.toString()));
    }
}
