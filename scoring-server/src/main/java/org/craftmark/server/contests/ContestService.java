package org.craftmark.server.contests;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.contest.Category;
import org.craftmark.core.contest.Tier;
import org.craftmark.core.pipeline.ContestScope;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.core.pipeline.Region;
import org.craftmark.core.pipeline.RegionCode;
import org.craftmark.core.pipeline.RegionTree;
import org.craftmark.core.pipeline.TierRules;
import org.craftmark.core.pipeline.Transition;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.NewContest;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.ContestStore.Visibility;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.Stores;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Contests: creation at the right tier and region, the feedsInto link, and the lifecycle moves. */
public final class ContestService {
    public static final int DEFAULT_NOTICE_DAYS = 5;
    public static final Visibility DEFAULT_VISIBILITY = Visibility.ON_PUBLISH;

    /** A request to create a contest, as read from the wire (optional fields may be null). */
    public record ContestRequest(String name, Integer year, Tier tier, String regionCode, Category category,
                                 Long feedsInto, Visibility visibility, Integer noticeDays) {
    }

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    public ContestService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public StoredContest create(SignedInUser actor, ContestRequest request) {
        return db.transaction(tx -> {
            RegionTree regions = tx.regions().tree();
            Region region = regions.find(new RegionCode(request.regionCode())).orElseThrow(() ->
                    new RuleViolation("regionCode", "is not a known region"));
            Access.requireOrganizerOf(actor, region.code(), regions);
            List<Problem> problems = new ArrayList<>(TierRules.regionProblems(request.tier(), region));
            problems.addAll(feedsIntoProblems(tx, request, regions));
            RuleViolation.throwIfAny(problems);
            NewContest contest = new NewContest(request.name(), request.year(), request.tier(), region.code(),
                    request.category() == null ? Category.DEFAULT : request.category(), request.feedsInto(),
                    request.visibility() == null ? DEFAULT_VISIBILITY : request.visibility(),
                    request.noticeDays() == null ? DEFAULT_NOTICE_DAYS : request.noticeDays());
            long id = tx.contests().insert(contest, clock.instant());
            audit.record(tx, actor, "contest.create", "contest:" + id, id, ContestJson.of(tx.contests().find(id).orElseThrow()));
            return tx.contests().find(id).orElseThrow();
        });
    }

    private static List<Problem> feedsIntoProblems(Stores tx, ContestRequest request, RegionTree regions) {
        if (request.feedsInto() == null) {
            return List.of();
        }
        return tx.contests().find(request.feedsInto())
                .map(target -> TierRules.feedsIntoProblems(
                        new ContestScope(request.tier(), new RegionCode(request.regionCode())),
                        new ContestScope(target.tier(), target.region()), regions))
                .orElse(List.of(new Problem("feedsInto", "is not a known contest")));
    }

    public StoredContest get(long id) {
        return db.stores().contests().find(id).orElseThrow(() -> ApiException.notFound("Contest " + id));
    }

    public List<StoredContest> all() {
        return db.stores().contests().all();
    }

    /**
     * Moves the contest on by {@code action} (open, start). Repeating a move already made changes
     * nothing and answers the contest as it is; a move out of order is 409 {@code WRONG_STATE}.
     */
    public StoredContest move(SignedInUser actor, long id, LifecycleAction action) {
        return db.transaction(tx -> {
            StoredContest contest = tx.contests().findForUpdate(id).orElseThrow(() -> ApiException.notFound("Contest " + id));
            Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
            switch (contest.status().transition(action)) {
                case Transition.Moved moved -> {
                    tx.contests().updateStatus(id, moved.to());
                    audit.record(tx, actor, "contest." + action.verb(), "contest:" + id, id,
                            new JsonObject().put("from", moved.from().name()).put("to", moved.to().name()));
                }
                case Transition.Repeated repeated -> {
                    // Idempotent: nothing to do, nothing to audit.
                }
                case Transition.WrongState wrong -> throw wrongState(wrong.problem());
                case Transition.Blocked blocked -> throw ApiException.conflict("WRONG_STATE",
                        "The contest cannot " + action.verb() + " yet.", blocked.problems());
            }
            return tx.contests().find(id).orElseThrow();
        });
    }

    static ApiException wrongState(Problem problem) {
        return ApiException.conflict("WRONG_STATE", "The contest " + problem.problem() + ".", List.of(problem));
    }
}
