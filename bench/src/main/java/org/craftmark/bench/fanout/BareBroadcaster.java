package org.craftmark.bench.fanout;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ServerWebSocket;

import java.util.HashSet;
import java.util.Set;

/**
 * The baseline: bare Vert.x, one HTTP server per event loop, every socket written from its own
 * event loop, one frame of the given size every 250 ms (Craftmark's coalescing window) to every
 * subscriber, slow sockets skipped. Run as its own process: {@code BareBroadcaster <port> <bytes>};
 * prints {@code READY <port>}.
 */
public final class BareBroadcaster {
    static final long WINDOW_MILLIS = 250;

    private BareBroadcaster() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int bytes = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new Server(port, bytes), new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)).await();
        System.out.println("READY " + port);
    }

    /** {@code {"type":"delta","seq":n,"rows":"xxx…"}} padded to about {@code bytes}. */
    static String frame(long seq, int bytes) {
        String head = "{\"type\":\"delta\",\"seq\":" + seq + ",\"rows\":\"";
        return head + "x".repeat(Math.max(0, bytes - head.length() - 2)) + "\"}";
    }

    /** One event loop's server: its own sockets, its own timer; the tick number is the frame's seq on every loop. */
    private static final class Server extends VerticleBase {
        private final int port;
        private final int bytes;
        private final Set<ServerWebSocket> sockets = new HashSet<>();

        Server(int port, int bytes) {
            this.port = port;
            this.bytes = bytes;
        }

        @Override
        public Future<?> start() {
            vertx.setPeriodic(WINDOW_MILLIS, t -> broadcast(frame(System.currentTimeMillis() / WINDOW_MILLIS, bytes)));
            return vertx.createHttpServer().webSocketHandler(ws -> {
                sockets.add(ws);
                ws.closeHandler(v -> sockets.remove(ws));
            }).listen(port);
        }

        private void broadcast(String frame) {
            for (ServerWebSocket socket : sockets) {
                if (!socket.isClosed() && !socket.writeQueueFull()) {
                    socket.writeTextMessage(frame);
                }
            }
        }
    }
}
