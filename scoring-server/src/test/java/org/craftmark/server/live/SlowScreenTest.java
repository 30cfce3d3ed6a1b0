package org.craftmark.server.live;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.contest.EntryStatus;
import org.craftmark.server.results.BoardRow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A screen whose connection cannot keep up skips frames instead of queueing them without bound, and
 * catches up with one fresh snapshot when its queue drains; the other screens are not held back.
 * (The socket here is a stand-in for Vert.x's: what is tested is the feed's own logic.)
 */
@DisplayName("A slow screen")
class SlowScreenTest {

    /** A WebSocket whose write queue the test fills and drains by hand; it records what was written. */
    static final class Socket {
        final List<JsonObject> written = new ArrayList<>();
        boolean full;
        Handler<Void> drain;

        ServerWebSocket proxy() {
            return (ServerWebSocket) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ServerWebSocket.class},
                    (self, method, args) -> switch (method.getName()) {
                        case "writeFrame" -> {
                            written.add(new JsonObject(((WebSocketFrame) args[0]).textData()));
                            yield Future.succeededFuture();
                        }
                        case "writeQueueFull" -> full;
                        case "isClosed" -> false;
                        case "drainHandler" -> {
                            @SuppressWarnings("unchecked")
                            Handler<Void> handler = (Handler<Void>) args[0];
                            drain = handler;
                            yield self;
                        }
                        case "hashCode" -> System.identityHashCode(self);
                        case "equals" -> self == args[0];
                        default -> null;
                    });
        }

        List<String> types() {
            return written.stream().map(f -> f.getString("type") + " " + f.getLong("seq")).toList();
        }
    }

    private static BoardRow row(long entryId, int total) {
        return new BoardRow(1, entryId, "A0" + entryId, "选手", "单位", BigDecimal.valueOf(total), true, EntryStatus.ACTIVE, Map.of(), null, true, List.of());
    }

    @Test
    void skipsFramesWhileBehindThenGetsOneSnapshotAndOthersGetEveryFrame() {
        LiveCounters counters = new LiveCounters();
        EventFeed feed = new EventFeed(7, 100, 0, List.of(row(1, 0)), counters);
        Socket slow = new Socket();
        Socket fast = new Socket();
        LiveSubscriber slowScreen = new LiveSubscriber(slow.proxy(), Runnable::run, "one loop");
        feed.subscribe(slowScreen, null);
        feed.subscribe(new LiveSubscriber(fast.proxy(), Runnable::run, "one loop"), null);

        feed.publish(1, List.of(row(1, 10)), 0);
        slow.full = true;
        feed.publish(2, List.of(row(1, 20)), 0);
        feed.publish(3, List.of(row(1, 30)), 0);
        feed.publish(4, List.of(row(1, 40)), 0);

        assertThat(fast.types()).containsExactly("snapshot 100", "delta 101", "delta 102", "delta 103", "delta 104");
        assertThat(slow.types()).as("nothing queued while behind").containsExactly("snapshot 100", "delta 101");

        slow.full = false;
        slow.drain.handle(null);
        feed.publish(5, List.of(row(1, 50)), 0);

        assertThat(slow.types()).containsExactly("snapshot 100", "delta 101", "snapshot 104", "delta 105");
        assertThat(slow.written.get(2).getJsonArray("rows").getJsonObject(0).getInteger("total")).isEqualTo(40);
        assertThat(counters.frames.sum()).as("deltas published").isEqualTo(5);
        assertThat(counters.deliveries.sum()).as("deltas written: 5 to the fast screen, 101 and 105 to the slow").isEqualTo(7);
        assertThat(counters.skipped.sum()).as("102, 103, 104").isEqualTo(3);
        assertThat(counters.resyncs.sum()).isEqualTo(1);
    }
}
