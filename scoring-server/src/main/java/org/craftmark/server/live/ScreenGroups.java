package org.craftmark.server.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * An event's screens grouped by the event loop they write on. A frame costs one task per event
 * loop, each writing the same bytes to that loop's screens: no socket is written from a thread
 * other than its own, and the thread that publishes never waits for a screen.
 */
final class ScreenGroups {
    private record Group(Executor lane, Set<LiveSubscriber> screens) {
    }

    private final Map<Object, Group> groups = new ConcurrentHashMap<>();

    void add(LiveSubscriber screen) {
        groups.computeIfAbsent(screen.laneKey(), key -> new Group(screen.lane(), ConcurrentHashMap.newKeySet()))
                .screens().add(screen);
    }

    void remove(LiveSubscriber screen) {
        Group group = groups.get(screen.laneKey());
        if (group != null) {
            group.screens().remove(screen);
        }
    }

    /** Hands the frame to every group's lane; returns at once. */
    void broadcast(TextFrame frame, EventFeed feed) {
        groups.values().forEach(group -> group.lane().execute(() -> group.screens().forEach(s -> s.deliver(frame, feed))));
    }

    int size() {
        return groups.values().stream().mapToInt(g -> g.screens().size()).sum();
    }
}
