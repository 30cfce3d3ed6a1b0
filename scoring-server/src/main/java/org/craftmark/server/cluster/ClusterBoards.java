package org.craftmark.server.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.marking.MarkListener;
import org.craftmark.server.store.MarkStore.StoredMark;
import org.craftmark.server.results.BoardListener;
import org.craftmark.server.results.ResultsService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every node's boards on the database's marks. A board that changes here is announced on the
 * clustered event bus ("event E changed"); every other node then re-reads that event's board from
 * the database, which publishes what changed to its own screens as usual. The database stays the
 * one source of truth, so nodes need not agree on any counter: a node that missed an announcement
 * still catches up on the next one, and the frames each node sends its screens are numbered and
 * checked for gaps by that node alone, as on a single server.
 */
public final class ClusterBoards implements BoardListener, MarkListener {
    static final String ADDRESS = "craftmark.boards.changed";
    static final String PING = "craftmark.node.";

    /** Set while this node applies another's change, so the refresh it causes is not announced again. */
    private static final ThreadLocal<Boolean> APPLYING = ThreadLocal.withInitial(() -> false);

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBoards.class);

    private final Vertx vertx;
    private final ResultsService results;
    private final String nodeId;
    /** Events with a re-read queued: announcements arriving meanwhile are covered by it. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    public ClusterBoards(Vertx vertx, ResultsService results, String nodeId) {
        this.vertx = vertx;
        this.results = results;
        this.nodeId = nodeId;
    }

    /** Listens to the other nodes; completes once the subscriptions are known to the cluster. */
    public Future<Void> start() {
        MessageConsumer<JsonObject> boards = vertx.eventBus().consumer(ADDRESS, message -> changedElsewhere(message.body()));
        MessageConsumer<String> ping = vertx.eventBus().consumer(PING + nodeId, message -> message.reply(nodeId));
        return boards.completion().compose(v -> ping.completion());
    }

    /** Answers once the node {@code otherNodeId} is reachable over the event bus from here. */
    public Future<String> ping(String otherNodeId) {
        return vertx.eventBus().<String>request(PING + otherNodeId, nodeId).map(reply -> reply.body());
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public void boardChanged(long eventId, long boardSeq, boolean fromMark) {
        if (!APPLYING.get()) {
            announce(eventId);
        }
    }

    /**
     * Every committed mark is announced too: a node reading a board for the first time reads the
     * mark with it, so its board "changes" by nothing, yet the others have not seen that mark.
     */
    @Override
    public void markStored(StoredMark mark) {
        announce(mark.eventId());
    }

    /** A group's marks of one event: one announcement covers them (the others re-read the event). */
    @Override
    public void marksStored(List<StoredMark> marksOfOneEvent) {
        announce(marksOfOneEvent.getFirst().eventId());
    }

    private void announce(long eventId) {
        vertx.eventBus().publish(ADDRESS, new JsonObject().put("eventId", eventId).put("node", nodeId));
    }

    private void changedElsewhere(JsonObject change) {
        long eventId = change.getLong("eventId");
        if (nodeId.equals(change.getString("node")) || !queued.add(eventId)) {
            return;
        }
        // The re-read reads the database: never on the event loop.
        vertx.executeBlocking(() -> {
            queued.remove(eventId);
            APPLYING.set(true);
            try {
                results.refresh(eventId);
            } finally {
                APPLYING.set(false);
            }
            return null;
        }, false).onFailure(e -> LOG.warn("could not re-read the board of event {} after a change on another node", eventId, e));
    }
}
