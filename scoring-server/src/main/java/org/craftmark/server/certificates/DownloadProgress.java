package org.craftmark.server.certificates;

import org.craftmark.core.common.Problem;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How far long downloads (a contest's ZIP of certificates) have come, so the console can show it: the
 * browser names a download with a UUID of its own, asks for the file with it, and polls its progress
 * meanwhile. Kept in memory for {@link #KEEP} after the last change; only its owner may read it.
 */
public final class DownloadProgress {
    static final Duration KEEP = Duration.ofMinutes(10);
    private static final Pattern TOKEN = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** What the console polls. */
    public record Progress(int done, int total, boolean finished, boolean complete) {
    }

    private record Entry(long owner, Progress progress, Instant touched) {
    }

    /** Reports on one download; a no-op without a token. */
    public final class Tracker {
        private final String token;
        private final long owner;
        private final int total;
        private volatile int done;

        private Tracker(String token, long owner, int total) {
            this.token = token;
            this.owner = owner;
            this.total = total;
        }

        public void advanced(int done, int ofTotal) {
            this.done = done;
            publish(false, false);
        }

        public void finish(boolean complete) {
            publish(true, complete);
        }

        private void publish(boolean finished, boolean complete) {
            if (token != null) {
                downloads.put(token, new Entry(owner, new Progress(done, total, finished, complete), clock.instant()));
            }
        }
    }

    private final Map<String, Entry> downloads = new ConcurrentHashMap<>();
    private final Clock clock;

    public DownloadProgress(Clock clock) {
        this.clock = clock;
    }

    /** @param token null when the caller does not follow progress; else a UUID (400 otherwise) */
    public Tracker start(SignedInUser owner, String token, int total) {
        if (token != null && !TOKEN.matcher(token).matches()) {
            throw ApiException.validationFailed(List.of(new Problem("progress", "must be a UUID")));
        }
        forgetOld();
        Tracker tracker = new Tracker(token, owner.id(), total);
        tracker.publish(false, false);
        return tracker;
    }

    /** The download's progress, for its owner; 404 for anyone else or an unknown token. */
    public Progress of(SignedInUser viewer, String token) {
        return Optional.ofNullable(token == null ? null : downloads.get(token))
                .filter(e -> e.owner() == viewer.id())
                .map(Entry::progress)
                .orElseThrow(() -> ApiException.notFound("The download"));
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEEP);
        downloads.values().removeIf(e -> e.touched().isBefore(cutoff));
    }
}
