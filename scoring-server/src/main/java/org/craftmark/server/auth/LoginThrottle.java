package org.craftmark.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per username: the sixth failure within five minutes locks the name for
 * five minutes, and every attempt while locked is refused, even with the right password.
 * Kept in memory: a restart forgives, which costs an attacker a restart per five guesses.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Failures> byUsername = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the name is still locked for, if it is. */
    public Optional<Duration> lockedFor(String username) {
        Failures failures = byUsername.get(username);
        return failures == null ? Optional.empty() : failures.lockedFor(clock.instant());
    }

    /** Records a failure; answers how long the name is now locked for, if this failure locked it. */
    public Optional<Duration> recordFailure(String username) {
        pruneIfLarge();
        Instant now = clock.instant();
        Failures failures = byUsername.computeIfAbsent(username, u -> new Failures());
        return failures.add(now);
    }

    public void recordSuccess(String username) {
        byUsername.remove(username);
    }

    private void pruneIfLarge() {
        if (byUsername.size() > PRUNE_ABOVE) {
            Instant now = clock.instant();
            byUsername.values().removeIf(f -> f.isStale(now));
        }
    }

    private static final class Failures {
        private final Deque<Instant> recent = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized Optional<Duration> add(Instant now) {
            recent.addLast(now);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() > MAX_FAILURES) {
                lockedUntil = now.plus(WINDOW);
                recent.clear();
                return Optional.of(WINDOW);
            }
            return Optional.empty();
        }

        synchronized Optional<Duration> lockedFor(Instant now) {
            return now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
        }

        synchronized boolean isStale(Instant now) {
            return !now.isBefore(lockedUntil) && (recent.isEmpty() || recent.peekLast().isBefore(now.minus(WINDOW)));
        }
    }
}
