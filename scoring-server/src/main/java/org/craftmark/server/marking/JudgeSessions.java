package org.craftmark.server.marking;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The judges connected right now, by the events on their panels: where pushes go. */
public final class JudgeSessions {
    private final Map<Long, Set<JudgeSession>> byEvent = new ConcurrentHashMap<>();

    void watch(JudgeSession session, Iterable<Long> eventIds) {
        eventIds.forEach(id -> byEvent.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(session));
    }

    void forget(JudgeSession session) {
        byEvent.values().forEach(sessions -> sessions.remove(session));
    }

    /** Sends {@code frame} to every judge connected to the event's panel. */
    public void push(long eventId, JsonObject frame) {
        byEvent.getOrDefault(eventId, Set.of()).forEach(session -> session.send(frame));
    }

    public int connected() {
        return (int) byEvent.values().stream().flatMap(Set::stream).distinct().count();
    }
}
