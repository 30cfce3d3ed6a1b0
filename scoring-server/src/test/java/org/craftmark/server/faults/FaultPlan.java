package org.craftmark.server.faults;

import java.time.Duration;

/**
 * Which faults a {@link TcpProxy} injects into the traffic it forwards, drawn per chunk read from a
 * random seeded per connection (the same seed gives the same decisions for the same traffic).
 *
 * @param seed        seeds every connection's random (with the connection's number)
 * @param delay       the share of chunks held back before they are forwarded
 * @param maxDelay    the longest a delayed chunk is held
 * @param breakAfter  a connection lives a random number of chunks in [1, breakAfter] and is then broken
 *                    (dropped, reset mid-chunk or left half-open); 0 never breaks one
 * @param halfOpenFor how long a half-open connection swallows traffic before the proxy closes it
 */
public record FaultPlan(long seed, double delay, Duration maxDelay, int breakAfter, Duration halfOpenFor) {
    /** Forwards everything as it comes: the proxy only stalls or cuts when told to. */
    public static final FaultPlan NONE = new FaultPlan(0, 0, Duration.ZERO, 0, Duration.ZERO);

    public boolean breaks() {
        return breakAfter > 0;
    }
}
