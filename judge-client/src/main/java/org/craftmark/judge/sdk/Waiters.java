package org.craftmark.judge.sdk;

import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The callers waiting for each mark's ack. Used on the client's context only. */
final class Waiters {
    private final Map<UUID, List<Promise<Ack>>> byMark = new HashMap<>();

    void add(UUID clientMarkId, Promise<Ack> waiter) {
        byMark.computeIfAbsent(clientMarkId, id -> new ArrayList<>()).add(waiter);
    }

    void fail(UUID clientMarkId, Promise<Ack> waiter, Throwable cause) {
        List<Promise<Ack>> waiting = byMark.get(clientMarkId);
        if (waiting != null && waiting.remove(waiter) && waiting.isEmpty()) {
            byMark.remove(clientMarkId);
        }
        waiter.tryFail(cause);
    }

    void complete(Ack ack) {
        List<Promise<Ack>> waiting = byMark.remove(ack.clientMarkId());
        if (waiting != null) {
            waiting.forEach(waiter -> waiter.tryComplete(ack));
        }
    }

    void failAll(Throwable cause) {
        byMark.values().forEach(waiting -> waiting.forEach(waiter -> waiter.tryFail(cause)));
        byMark.clear();
    }
}
