package org.craftmark.server.live;

import io.vertx.core.http.ServerWebSocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live screens opened with a ticket, by the user who signed in for them: an organizer or panel member
 * watching a board the public may not see yet. When that user's sessions end (password changed,
 * account disabled) their screens close too, as their tablets do.
 */
public final class SignedInScreens {
    static final short POLICY_VIOLATION = 1008;

    private final Map<Long, Set<ServerWebSocket>> byUser = new ConcurrentHashMap<>();

    void watch(long userId, ServerWebSocket socket) {
        byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void forget(long userId, ServerWebSocket socket) {
        byUser.computeIfPresent(userId, (k, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    /** Closes every screen the user signed in for; the screen must sign in again. */
    public void endSessionsOf(long userId) {
        Set<ServerWebSocket> sockets = byUser.remove(userId);
        if (sockets != null) {
            sockets.stream().filter(s -> !s.isClosed()).forEach(s -> s.close(POLICY_VIOLATION, "signed out: the account changed"));
        }
    }

    /** How many screens are open for signed-in users (for tests and metrics). */
    public int open() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }
}
