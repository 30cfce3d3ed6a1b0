package org.craftmark.server.config;

/**
 * Bounds on the live screens ({@code /ws/live}) of one node, so a flood of subscribers is answered
 * 503/429 at the door instead of growing memory without end.
 *
 * @param maxScreens       open screens at most on this node ({@code --max-live-screens}); one more is
 *                         refused 503 {@code UNAVAILABLE} with {@code Retry-After} before its upgrade
 * @param opensPerAddress  screens one client address may open in any {@link #OPEN_WINDOW_SECONDS} s
 *                         ({@code --live-opens-per-address}); over it 429 {@code RATE_LIMITED}. 0 turns
 *                         the limit off (a load balancer that hides the clients' addresses)
 */
public record LiveSettings(int maxScreens, int opensPerAddress) {
    /**
     * docs/deployment.md measured 10,000 screens on a 2-core node (degraded, but every frame's
     * memory bounded by the 64 KiB queue per screen: 20,000 × 64 KiB is at most 1.25 GiB of queued
     * frames in the worst case); twice the measured point leaves headroom on larger machines, and a
     * node past it refuses rather than falls over.
     */
    public static final int DEFAULT_MAX_SCREENS = 20_000;
    /**
     * Generous on purpose: a whole hall of phones behind the venue's NAT shares one address, and
     * after a Wi-Fi drop they all come back within seconds (the page backs off 1–15 s with jitter).
     * 1,000 per 10 s lets a hall of a few thousand back in within half a minute, while one machine
     * alone still needs minutes, not a second, to take every slot of a node.
     */
    public static final int DEFAULT_OPENS_PER_ADDRESS = 1_000;
    public static final int OPEN_WINDOW_SECONDS = 10;
    /** Far beyond what one node's memory holds: a typo's guard, not a sizing. */
    public static final int MOST_SCREENS = 1_000_000;
    public static final LiveSettings DEFAULT = new LiveSettings(DEFAULT_MAX_SCREENS, DEFAULT_OPENS_PER_ADDRESS);

    public LiveSettings {
        if (maxScreens < 1 || maxScreens > MOST_SCREENS) {
            throw new IllegalArgumentException("the live screen limit is 1–1,000,000 screens, not " + maxScreens);
        }
        if (opensPerAddress < 0) {
            throw new IllegalArgumentException("screens opened per address is 0 (no limit) or more, not " + opensPerAddress);
        }
    }

    /** Whether screens opened are counted per client address at all. */
    public boolean limitsAddresses() {
        return opensPerAddress > 0;
    }
}
