package org.craftmark.server.marking;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The judges connected right now, by the events on their panels: where pushes go. */
public final class JudgeSessions {
    private final Map<Long, Set<JudgeSession>> byEvent = new ConcurrentHashMap<>();
    private final Map<Long, Set<JudgeSession>> byJudge = new ConcurrentHashMap<>();

    void watchJudge(JudgeSession session) {
        byJudge.computeIfAbsent(session.judgeId(), k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** A judge's panels changed: their tablets get fresh assignments without reconnecting. */
    public void assignmentsChanged(long judgeId) {
        byJudge.getOrDefault(judgeId, Set.of()).forEach(JudgeSession::sendAssignments);
    }

    /** The judge was disabled or their password changed: their open tablets are disconnected (and must sign in again). */
    public void endSessionsOf(long judgeId) {
        byJudge.getOrDefault(judgeId, Set.of()).forEach(session -> session.end("signed out: the account changed"));
    }

    void watch(JudgeSession session, Iterable<Long> eventIds) {
        eventIds.forEach(id -> byEvent.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(session));
    }

    void forget(JudgeSession session) {
        byEvent.values().forEach(sessions -> sessions.remove(session));
        byJudge.values().forEach(sessions -> sessions.remove(session));
    }

    /** Sends {@code frame} to every judge connected to the event's panel. */
    public void push(long eventId, JsonObject frame) {
        byEvent.getOrDefault(eventId, Set.of()).forEach(session -> session.send(frame));
    }

    public int connected() {
        return (int) byEvent.values().stream().flatMap(Set::stream).distinct().count();
    }
}
