package org.craftmark.server.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code max} sockets of one endpoint open on this node (the live screens). Each open socket
 * holds frames queued for it and a place in its event's fan-out, so an unbounded number would mean
 * unbounded memory; past the bound an upgrade is refused 503 {@code UNAVAILABLE} with
 * {@code Retry-After} before it happens. Counted as {@link WorkLimit} counts requests.
 */
public final class SocketLimit {
    /** Long enough that a refused crowd does not come straight back; pages back off further by themselves. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final WorkLimit places;
    private final String what;

    /** @param what the sockets, as people read it in the refusal ("live screens") */
    public SocketLimit(int max, String what) {
        this.places = new WorkLimit(max);
        this.what = what;
    }

    /** Takes a place for one socket, or throws 503 when all are taken. */
    public Slot take() {
        if (!places.tryAcquire()) {
            throw ApiException.unavailable("This server holds as many " + what + " as it can; try again shortly.", RETRY_AFTER);
        }
        return new Taken();
    }

    /** Sockets holding a place now. */
    public int open() {
        return places.inFlight();
    }

    /** A place held by one socket; given back once, however many times the socket's ends report it. */
    public interface Slot {
        Slot NONE = () -> { };

        void release();
    }

    private final class Taken implements Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                places.release();
            }
        }
    }
}
