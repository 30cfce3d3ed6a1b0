package org.craftmark.server.events;

import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.contest.Group;
import org.craftmark.core.contest.Mode;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.MarkingScheme;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Access;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EventStore.NewEvent;
import org.craftmark.server.store.EventStore.StoredEvent;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Events (竞赛项目) of a contest, each with its marking scheme; added while the contest is DRAFT or OPEN. */
public final class EventService {
    /** Codes of 职业分类大典 look like {@code 6-18-01-01}. */
    private static final Pattern OCCUPATION_CODE = Pattern.compile("\\d-\\d{2}-\\d{2}-\\d{2}");
    public static final int MIN_TEAM_SIZE = 2;
    public static final int MAX_TEAM_SIZE = 6;

    /** A request to create an event, as read from the wire. */
    public record EventRequest(String occupationCode, String occupationName, Group group, Mode mode, Integer teamSize,
                               Integer advanceQuota, BigDecimal advanceMinScore, List<Criterion> criteria,
                               List<String> tieBreak) {
    }

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    public EventService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public StoredEvent create(SignedInUser actor, long contestId, EventRequest request) {
        return db.transaction(tx -> {
            StoredContest contest = tx.contests().findForUpdate(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
            Access.requireOrganizerOf(actor, contest.region(), tx.regions().tree());
            RuleViolation.throwIfAny(problems(request));
            if (!contest.status().acceptsEntries()) {
                throw ApiException.conflict("WRONG_STATE", "Events are added while the contest is DRAFT or OPEN; it is " + contest.status() + ".",
                        List.of(new Problem("status", "is " + contest.status())));
            }
            // Advancement finds the target event by occupation, group and mode: two alike would be ambiguous.
            boolean twin = tx.events().ofContest(contestId).stream().anyMatch(e -> e.occupationCode().equals(request.occupationCode())
                    && e.group() == request.group() && e.mode() == request.mode());
            if (twin) {
                throw ApiException.conflict("DUPLICATE", "The contest already has a " + request.occupationCode() + " event for this group and mode.",
                        List.of(new Problem("occupationCode", "is taken")));
            }
            MarkingScheme scheme = MarkingScheme.of(request.criteria(), request.tieBreak());
            long id = tx.events().insert(new NewEvent(contestId, request.occupationCode(), request.occupationName(),
                    request.group(), request.mode(), request.teamSize(), request.advanceQuota(), request.advanceMinScore(), scheme),
                    clock.instant());
            StoredEvent event = tx.events().find(id).orElseThrow();
            audit.record(tx, actor, "event.create", "event:" + id, contestId, EventJson.of(event));
            return event;
        });
    }

    private static List<Problem> problems(EventRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (!OCCUPATION_CODE.matcher(request.occupationCode()).matches()) {
            problems.add(new Problem("occupationCode", "must be an occupation code like 6-18-01-01"));
        }
        problems.addAll(teamSizeProblems(request.mode(), request.teamSize()));
        if (request.advanceMinScore() != null && (request.advanceMinScore().signum() < 0 || request.advanceMinScore().stripTrailingZeros().scale() > 2)) {
            problems.add(new Problem("advanceMinScore", "must be a score ≥ 0 with at most 2 decimals"));
        }
        MarkingScheme.validate(request.criteria(), request.tieBreak()).forEach(p -> problems.add(p.under("scheme.")));
        return problems;
    }

    private static List<Problem> teamSizeProblems(Mode mode, Integer teamSize) {
        if (mode == Mode.TEAM && (teamSize == null || teamSize < MIN_TEAM_SIZE || teamSize > MAX_TEAM_SIZE)) {
            return List.of(new Problem("teamSize", "a TEAM event needs teamSize " + MIN_TEAM_SIZE + "–" + MAX_TEAM_SIZE));
        }
        if (mode == Mode.INDIVIDUAL && teamSize != null) {
            return List.of(new Problem("teamSize", "must be null for an INDIVIDUAL event"));
        }
        return List.of();
    }

    public StoredEvent get(long id) {
        return db.stores().events().find(id).orElseThrow(() -> ApiException.notFound("Event " + id));
    }

    public List<StoredEvent> ofContest(long contestId) {
        db.stores().contests().find(contestId).orElseThrow(() -> ApiException.notFound("Contest " + contestId));
        return db.stores().events().ofContest(contestId);
    }
}
