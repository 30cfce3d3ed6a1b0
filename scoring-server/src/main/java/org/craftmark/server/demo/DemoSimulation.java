package org.craftmark.server.demo;

import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Method;
import org.craftmark.core.pipeline.LifecycleAction;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.marking.Ack;
import org.craftmark.server.marking.Assignments.EventAssignment;
import org.craftmark.server.marking.MarkSubmission;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.server.results.CountingMarks;
import org.craftmark.server.store.ContestStore.StoredContest;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.craftmark.server.store.EventStore.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo --simulate}: the demo season runs by itself, one step at a time at a hall's pace —
 * simulated judges mark the running contests entry after entry (each criterion by as many judges as
 * its method needs, never a judge in conflict), the chief judge locks each event, the organizer
 * publishes, the districts' notice period (0 days in the demo) passes, they finalize and advance into
 * the city contest, which then starts and is marked in turn. Every step goes through the same
 * services as the apps; a restarted demo carries on where the season stands.
 */
public final class DemoSimulation {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulation.class);
    public static final long MILLIS_BETWEEN_STEPS = 400;

    /** One mark a simulated judge is going to give. */
    private record Task(SignedInUser judge, long eventId, long entryId, Criterion criterion, BigDecimal value) {
    }

    private final Craftmark.Services services;
    private final Database db;
    private final List<SignedInUser> judges;
    private final SignedInUser chief;
    private final Random random = new Random(7);
    private final Deque<Task> marks = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-season");
        thread.setDaemon(true);
        return thread;
    });

    /** @param judgeUsernames the demo panel, the chief judge first */
    public DemoSimulation(Craftmark.Services services, Database db, List<String> judgeUsernames) {
        this.services = services;
        this.db = db;
        this.judges = judgeUsernames.stream().map(u -> services.users().find(u).orElseThrow()).toList();
        this.chief = judges.getFirst();
    }

    /** Takes a step every {@link #MILLIS_BETWEEN_STEPS} until the season has nothing left to do. */
    public void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (!step()) {
                    LOG.info("the demo season has run its course: the city contest's results are published");
                    timer.shutdown();
                }
            } catch (RuntimeException e) {
                LOG.warn("demo step failed: {}", e.getMessage());
            }
        }, MILLIS_BETWEEN_STEPS, MILLIS_BETWEEN_STEPS, TimeUnit.MILLISECONDS);
    }

    /**
     * Does the season's next thing — one mark, or one lifecycle move — and answers whether there was
     * anything to do.
     */
    public boolean step() {
        if (!marks.isEmpty()) {
            give(marks.poll());
            return true;
        }
        for (StoredContest contest : contestsByTier()) {
            if (advance(contest)) {
                return true;
            }
        }
        return false;
    }

    /** Districts first, then the city: the order a season runs in. */
    private List<StoredContest> contestsByTier() {
        return services.contests().all().stream()
                .sorted(Comparator.comparing(StoredContest::tier).thenComparingLong(StoredContest::id)).toList();
    }

    private boolean advance(StoredContest contest) {
        SignedInUser organizer = DemoSeed.organizerOf(services, contest);
        return switch (contest.status()) {
            case RUNNING -> markOrLockOrPublish(contest, organizer);
            case PUBLISHED -> finalizeWhenNoticeIsOver(contest, organizer);
            case FINAL -> advanceOnce(contest, organizer);
            case OPEN -> startWhenFed(contest, organizer);
            case DRAFT -> false;
        };
    }

    private boolean markOrLockOrPublish(StoredContest contest, SignedInUser organizer) {
        List<StoredEvent> events = services.events().ofContest(contest.id());
        for (StoredEvent event : events) {
            if (!event.locked()) {
                List<Task> todo = plan(event);
                if (!todo.isEmpty()) {
                    marks.addAll(todo);
                    give(marks.poll());
                } else {
                    services.chief().lock(chief, event.id());
                    LOG.info("demo: the chief judge locked {} of {}", event.occupationName(), contest.name());
                }
                return true;
            }
        }
        services.publication().publish(organizer, contest.id());
        LOG.info("demo: {} published its results (公示) at /results/{}", contest.name(), contest.id());
        return true;
    }

    private boolean finalizeWhenNoticeIsOver(StoredContest contest, SignedInUser organizer) {
        if (contest.noticeDays() > 0 || contest.feedsInto() == null) {
            return false; // a real notice period runs its days; nothing more for the demo to do
        }
        services.finalization().finalizeContest(organizer, contest.id());
        LOG.info("demo: {} is final", contest.name());
        return true;
    }

    private boolean advanceOnce(StoredContest contest, SignedInUser organizer) {
        if (contest.feedsInto() == null || contest.advancedAt() != null) {
            return false;
        }
        var report = services.advancement().advance(organizer, contest.id());
        LOG.info("demo: {} entries of {} advanced to {}", report.advanced().size(), contest.name(), report.target().name());
        return true;
    }

    /** The city contest starts once every contest feeding it has advanced its winners. */
    private boolean startWhenFed(StoredContest contest, SignedInUser organizer) {
        List<StoredContest> feeders = services.contests().all().stream()
                .filter(c -> Optional.ofNullable(c.feedsInto()).filter(f -> f == contest.id()).isPresent()).toList();
        if (feeders.isEmpty() || feeders.stream().anyMatch(f -> f.advancedAt() == null)) {
            return false;
        }
        services.contests().move(organizer, contest.id(), LifecycleAction.START);
        LOG.info("demo: {} started; its judges mark the advanced competitors", contest.name());
        return true;
    }

    private void give(Task task) {
        Ack ack = services.marks().submit(task.judge(), new MarkSubmission(UUID.randomUUID().toString(), task.eventId(),
                task.entryId(), task.criterion().code(), task.value(), "demo-simulator"));
        if (!ack.isAccepted()) {
            LOG.info("simulated mark refused: {}", ack.error().getMessage());
        }
    }

    /** A seated judge with what they are assigned in one event. */
    private record Seat(SignedInUser judge, EventAssignment assignment) {
        boolean mayMark(long entryId, Criterion criterion) {
            return assignment.criteria().contains(criterion) && assignment.entries().stream().anyMatch(e -> e.id() == entryId);
        }
    }

    /**
     * The marks still missing in the event, entry by entry in bib order: each criterion by as many
     * judges as it needs beyond those whose marks already count, from the judges seated on it and not
     * in conflict with the entry.
     */
    private List<Task> plan(StoredEvent event) {
        List<Seat> seats = judges.stream()
                .flatMap(j -> services.assignments().of(j).stream().filter(a -> a.event().id() == event.id()).map(a -> new Seat(j, a)))
                .toList();
        Set<String> given = new HashSet<>();
        CountingMarks.ofEvent(db.stores(), event.id()).forEach(m -> given.add(m.entryId() + "/" + m.criterion() + "/" + m.judgeUserId()));
        List<Task> tasks = new ArrayList<>();
        for (StoredEntry entry : db.stores().entries().ofEvent(event.id())) {
            if (entry.status() != EntryStatus.ACTIVE) {
                continue;
            }
            BigDecimal skill = BigDecimal.valueOf(0.55 + random.nextDouble() * 0.4);
            for (Criterion criterion : event.scheme().criteria()) {
                List<Seat> able = seats.stream().filter(s -> s.mayMark(entry.id(), criterion)).toList();
                long have = able.stream().filter(s -> given.contains(entry.id() + "/" + criterion.code() + "/" + s.judge().id())).count();
                able.stream().filter(s -> !given.contains(entry.id() + "/" + criterion.code() + "/" + s.judge().id()))
                        .limit(Math.max(0, criterion.judges() - have))
                        .forEach(s -> tasks.add(new Task(s.judge(), event.id(), entry.id(), criterion, value(criterion, skill))));
            }
        }
        return tasks;
    }

    /** A plausible mark for a competitor of this skill (0–1); deductions are small and rare. */
    private BigDecimal value(Criterion criterion, BigDecimal skill) {
        if (criterion.method() == Method.WSS) {
            return BigDecimal.valueOf(Math.min(3, Math.max(0, Math.round(skill.doubleValue() * 3 + random.nextInt(2) - 0.5))));
        }
        if (criterion.isDeduction()) {
            return random.nextInt(5) == 0 ? criterion.maxMark().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
        }
        BigDecimal noise = BigDecimal.valueOf(random.nextGaussian() * 0.05);
        BigDecimal share = skill.add(noise).max(BigDecimal.ZERO).min(BigDecimal.ONE);
        return criterion.maxMark().multiply(share).setScale(1, RoundingMode.HALF_UP);
    }
}
