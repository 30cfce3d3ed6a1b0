package org.craftmark.bench.fanout;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The baseline: bare Vert.x, one HTTP server per event loop, every socket written from its own
 * event loop, slow sockets skipped. One ticker coalesces like Craftmark: every 250 ms it takes the
 * next of Craftmark's own deltas (the same payload, as the subscribers saw them), gives it the next
 * seq, encodes it once and hands it to every event loop. Run as its own process:
 * {@code BareBroadcaster <port> <file of deltas, one JSON per line>}; prints {@code READY <port>}.
 */
public final class BareBroadcaster {
    static final long WINDOW_MILLIS = 250;

    private BareBroadcaster() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        List<JsonObject> deltas = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).map(JsonObject::new).toList();
        Vertx vertx = Vertx.vertx();
        List<Server> servers = new CopyOnWriteArrayList<>();
        vertx.deployVerticle(() -> {
            Server server = new Server(port);
            servers.add(server);
            return server;
        }, new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)).await();
        long[] seq = {0};
        vertx.setPeriodic(WINDOW_MILLIS, t -> {
            seq[0]++;
            String frame = deltas.get((int) (seq[0] % deltas.size())).copy().put("seq", seq[0]).encode();
            servers.forEach(server -> server.send(frame));
        });
        System.out.println("READY " + port);
    }

    /** One event loop's server: its own sockets, written only from its own loop. */
    private static final class Server extends VerticleBase {
        private final int port;
        private final Set<ServerWebSocket> sockets = new HashSet<>();

        Server(int port) {
            this.port = port;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer().webSocketHandler(ws -> {
                sockets.add(ws);
                ws.closeHandler(v -> sockets.remove(ws));
            }).listen(port);
        }

        /** Called from the ticker: the writes run on this server's own event loop. */
        void send(String frame) {
            context.runOnContext(v -> broadcast(frame));
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
