package org.craftmark.server.demo;

import org.craftmark.core.marking.Criterion;
import org.craftmark.core.marking.Method;
import org.craftmark.server.Craftmark;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.marking.Ack;
import org.craftmark.server.marking.Assignments.EventAssignment;
import org.craftmark.server.marking.MarkSubmission;
import org.craftmark.server.store.EntryStore.StoredEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo --simulate}: simulated judges mark the running demo contests at a hall's pace — entry
 * after entry, each criterion by as many judges as its method needs, never a judge in conflict — so a
 * newcomer sees boards move. Marks go through the same service as a tablet's.
 */
public final class DemoSimulation {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulation.class);
    public static final long MILLIS_BETWEEN_MARKS = 400;

    /** One mark a simulated judge is going to give. */
    private record Task(SignedInUser judge, long eventId, StoredEntry entry, Criterion criterion, BigDecimal value) {
    }

    private final Craftmark.Services services;
    private final Random random = new Random(7);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-judges");
        thread.setDaemon(true);
        return thread;
    });

    public DemoSimulation(Craftmark.Services services) {
        this.services = services;
    }

    /** Plans every mark and starts giving them; returns how many marks are planned. */
    public int start(List<String> judgeUsernames) {
        List<Task> tasks = plan(judgeUsernames.stream().map(u -> services.users().find(u).orElseThrow()).toList());
        var next = tasks.iterator();
        timer.scheduleWithFixedDelay(() -> {
            if (!next.hasNext()) {
                LOG.info("simulated judges have given all {} marks", tasks.size());
                timer.shutdown();
                return;
            }
            give(next.next());
        }, MILLIS_BETWEEN_MARKS, MILLIS_BETWEEN_MARKS, TimeUnit.MILLISECONDS);
        return tasks.size();
    }

    private void give(Task task) {
        try {
            Ack ack = services.marks().submit(task.judge(), new MarkSubmission(UUID.randomUUID().toString(), task.eventId(),
                    task.entry().id(), task.criterion().code(), task.value(), "demo-simulator"));
            if (!ack.isAccepted()) {
                LOG.info("simulated mark refused: {}", ack.error().getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("simulated mark failed: {}", e.getMessage());
        }
    }

    /** Entry by entry in bib order, events interleaved, each criterion by the judges its method needs. */
    private List<Task> plan(List<SignedInUser> judges) {
        Map<Long, List<Task>> byEvent = new HashMap<>();
        for (SignedInUser judge : judges) {
            for (EventAssignment assignment : services.assignments().of(judge)) {
                byEvent.putIfAbsent(assignment.event().id(), new ArrayList<>());
            }
        }
        for (long eventId : byEvent.keySet()) {
            byEvent.get(eventId).addAll(planEvent(eventId, judges));
        }
        return interleave(new ArrayList<>(byEvent.values()));
    }

    private List<Task> planEvent(long eventId, List<SignedInUser> judges) {
        Map<SignedInUser, EventAssignment> seats = new HashMap<>();
        for (SignedInUser judge : judges) {
            services.assignments().of(judge).stream().filter(a -> a.event().id() == eventId).findFirst()
                    .ifPresent(a -> seats.put(judge, a));
        }
        EventAssignment any = seats.values().iterator().next();
        List<StoredEntry> entries = services.entries().list(services.users().find("admin").orElseThrow(), eventId).stream()
                .sorted(Comparator.comparing(StoredEntry::bib)).toList();
        List<Task> tasks = new ArrayList<>();
        for (StoredEntry entry : entries) {
            BigDecimal skill = BigDecimal.valueOf(0.55 + random.nextDouble() * 0.4);
            for (Criterion criterion : any.event().scheme().criteria()) {
                List<SignedInUser> able = new ArrayList<>(seats.keySet().stream()
                        .filter(j -> seats.get(j).entries().stream().anyMatch(e -> e.id() == entry.id()))
                        .filter(j -> seats.get(j).criteria().contains(criterion)).toList());
                Collections.shuffle(able, random);
                able.stream().limit(criterion.judges()).forEach(judge -> tasks.add(new Task(judge, eventId, entry, criterion, value(criterion, skill))));
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

    private static List<Task> interleave(List<List<Task>> perEvent) {
        List<Task> all = new ArrayList<>();
        int longest = perEvent.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<Task> tasks : perEvent) {
                if (i < tasks.size()) {
                    all.add(tasks.get(i));
                }
            }
        }
        return all;
    }
}
