package org.craftmark.server.marking;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.MarkValue;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.marking.EventStateCache.EventState;
import org.craftmark.server.marking.MarkService.StoredAck;
import org.craftmark.server.marking.MarkService.Submitted;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.MarkStore.ClientKey;
import org.craftmark.server.store.MarkStore.NewMark;
import org.craftmark.server.store.MarkStore.SeriesKey;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.store.MarkStore.VersionedMark;
import org.craftmark.server.store.Stores;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One group of marks written in one transaction with a fixed handful of statements, whatever its
 * size: lock its events, one idempotency query, one query for the last versions of its series, one
 * multi-row INSERT (and the read-back of its ids), the audit append. Checks run in memory against
 * the events' cached state; versions are counted on from the last stored ones in the group's order,
 * which is the order the marks arrived in. A rejected mark rejects only itself.
 */
final class MarkGroup {
    /** What became of one mark before the INSERT: answered already, new, or a resend of a new one. */
    private sealed interface Outcome {
    }

    private record Done(StoredAck ack) implements Outcome {
    }

    private record Fresh(int index) implements Outcome {
    }

    private record ResentInGroup(int index) implements Outcome {
    }

    private final TransactionMemo memo;
    private final List<VersionedMark> fresh = new ArrayList<>();
    private final Map<ClientKey, Integer> freshByKey = new HashMap<>();
    private Map<SeriesKey, Integer> versions;

    private MarkGroup(TransactionMemo memo) {
        this.memo = memo;
    }

    static List<StoredAck> store(Stores tx, EventStateCache cache, AuditLog audit, Instant now, List<Submitted> group) {
        return new MarkGroup(new TransactionMemo(tx, cache)).storeAll(audit, now, group);
    }

    private List<StoredAck> storeAll(AuditLog audit, Instant now, List<Submitted> group) {
        Stores tx = memo.tx();
        memo.lock(group.stream().map(s -> s.mark().eventId()).distinct().toList());
        Map<ClientKey, StoredMark> priors = tx.marks().byClientMarkIds(group.stream().map(MarkGroup::clientKey).distinct().toList());
        versions = new HashMap<>(tx.marks().lastVersions(group.stream().filter(s -> !priors.containsKey(clientKey(s)))
                .map(s -> new SeriesKey(s.mark().entryId(), s.mark().criterion(), s.judge().id())).distinct().toList()));
        List<Outcome> outcomes = group.stream().map(s -> outcome(s, priors.get(clientKey(s)))).toList();
        List<StoredMark> stored = tx.marks().insertAll(fresh, now);
        List<StoredAck> acks = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            acks.add(switch (outcomes.get(i)) {
                case Done done -> done.ack();
                case Fresh f -> {
                    StoredMark mark = stored.get(f.index());
                    memo.audit(auditOf(group.get(i), mark));
                    yield new StoredAck(Ack.accepted(mark), mark);
                }
                case ResentInGroup r -> new StoredAck(Ack.duplicate(stored.get(r.index())), stored.get(r.index()));
            });
        }
        audit.recordAll(tx, memo.auditChanges());
        return acks;
    }

    private Outcome outcome(Submitted s, StoredMark prior) {
        MarkSubmission mark = s.mark();
        try {
            EventState state = memo.state(mark.eventId());
            if (prior != null) {
                return new Done(new StoredAck(MarkService.repeat(prior, mark), prior));
            }
            Integer earlier = freshByKey.get(clientKey(s));
            if (earlier != null) {
                NewMark first = fresh.get(earlier).mark();
                if (!mark.sameContentAs(first.eventId(), first.entryId(), first.criterion(), first.value())) {
                    throw idempotencyConflict();
                }
                return new ResentInGroup(earlier);
            }
            return new Fresh(accept(s, state));
        } catch (ApiException e) {
            return new Done(new StoredAck(Ack.rejected(mark.clientMarkId(), e), null));
        } catch (RuleViolation e) {
            return new Done(new StoredAck(Ack.rejected(mark.clientMarkId(), ApiException.validationFailed(e.problems())), null));
        }
    }

    /** Checks the mark against the rulebook and queues it for the INSERT with its version; its index there. */
    private int accept(Submitted s, EventState state) {
        MarkSubmission mark = s.mark();
        StoredEntry entry = state.entry(mark.entryId())
                .orElseThrow(() -> ApiException.notFound("Entry " + mark.entryId() + " of event " + mark.eventId()));
        Criterion criterion = state.event().scheme().criterion(mark.criterion())
                .orElseThrow(() -> new RuleViolation("criterion", mark.criterion() + " is not a criterion of this event"));
        MarkService.requireMayMark(state.seat(s.judge().id()), s.judge(), entry, criterion);
        MarkService.requireOpenForMarking(state.contest(), memo.lockedEvent(mark.eventId()).locked());
        RuleViolation.throwIfAny(MarkValue.validate(criterion, mark.value()));
        int version = versions.merge(new SeriesKey(entry.id(), criterion.code(), s.judge().id()), 1, Integer::sum);
        fresh.add(new VersionedMark(new NewMark(s.judge().id(), mark.clientMarkId(), mark.eventId(), entry.id(),
                criterion.code(), mark.value(), mark.deviceId(), null, null), version));
        freshByKey.put(clientKey(s), fresh.size() - 1);
        return fresh.size() - 1;
    }

    private AuditLog.Change auditOf(Submitted s, StoredMark stored) {
        return new AuditLog.Change(s.judge(), "mark.submit", "entry:" + stored.entryId(),
                memo.lockedEvent(stored.eventId()).contestId(), new JsonObject()
                .put("markId", stored.id()).put("eventId", stored.eventId()).put("criterion", stored.criterion())
                .put("version", stored.version()).put("value", stored.value()).put("clientMarkId", stored.clientMarkId()));
    }

    static ApiException idempotencyConflict() {
        return ApiException.conflict("IDEMPOTENCY_CONFLICT", "This clientMarkId was used for a different mark.",
                List.of(new Problem("clientMarkId", "was used for a different mark")));
    }

    private static ClientKey clientKey(Submitted s) {
        return new ClientKey(s.judge().id(), s.mark().clientMarkId());
    }
}
