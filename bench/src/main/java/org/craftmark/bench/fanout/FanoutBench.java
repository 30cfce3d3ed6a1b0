package org.craftmark.bench.fanout;

import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Fan-out: the same N subscribers on Craftmark's {@code /ws/live} (one event marked steadily) and
 * on a bare Vert.x broadcaster that sends one frame per 250 ms, replaying the deltas Craftmark's
 * screens got (the same payload, so the subscribers parse the same JSON for both).
 * Each server runs in a process of its own (the subscribers' sockets alone take N files here).
 * Usage: {@code FanoutBench [--subscribers N] [--seconds S] [--db jdbc:mysql://… --db-user U]};
 * prints one {@code fanout_n=… fanout_ratio=…} line.
 */
public final class FanoutBench {
    /**
     * How long both servers get, after the last subscriber opened, before the count starts. Craftmark
     * sends each screen a snapshot as it joins and the bare broadcaster sends none: with the half
     * second this used to be, Craftmark's p99 at 2,000 screens was 3.3 s and mostly that backlog
     * (0.7 s after 10 s of settling, in the same minute). A steady hall is what is measured.
     */
    private static final long SETTLE_MILLIS = Long.getLong("craftmark.fanout.settleMillis", 10_000);

    private FanoutBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(option(args, "--subscribers", "10000"));
        int seconds = Integer.parseInt(option(args, "--seconds", "20"));
        List<String> nodeArgs = new ArrayList<>();
        if (!option(args, "--db", "").isEmpty()) {
            nodeArgs.add(option(args, "--db", ""));
            nodeArgs.add(option(args, "--db-user", "root"));
        }
        Subscribers.Result craftmark;
        Process node = child(CraftmarkNode.class, nodeArgs);
        try {
            String[] ready = awaitReady(node);
            craftmark = run(Integer.parseInt(ready[1]), "/ws/live?eventId=" + ready[2], n, seconds);
            System.out.println(liveCounters(Integer.parseInt(ready[1])));
        } finally {
            node.destroy();
            node.waitFor();
        }
        Subscribers.Result bare;
        Process broadcaster = child(BareBroadcaster.class, List.of(String.valueOf(freePort()), deltasFile(craftmark).toString()));
        try {
            bare = run(Integer.parseInt(awaitReady(broadcaster)[1]), "/", n, seconds);
        } finally {
            broadcaster.destroy();
            broadcaster.waitFor();
        }
        System.out.printf(Locale.ROOT, "fanout_n=%d fanout_ratio=%.3f fanout_p99_ms=%.1f bare_p99_ms=%.1f fanout_fps=%.2f bare_fps=%.2f "
                        + "loadgen_cpu=%.2f frame_bytes=%d%n", n, craftmark.deliveriesPerSecond() / Math.max(1e-9, bare.deliveriesPerSecond()),
                craftmark.p99Millis(), bare.p99Millis(), craftmark.framesPerScreenPerSecond(), bare.framesPerScreenPerSecond(),
                Math.max(craftmark.loadGenCpu(), bare.loadGenCpu()), craftmark.meanFrameBytes());
        System.exit(0);
    }

    /** Connects the subscribers, lets them settle for two windows of frames, then measures. */
    private static Subscribers.Result run(int port, String uri, int n, int seconds) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        try {
            Subscribers subscribers = new Subscribers(vertx);
            int opened = subscribers.open(port, uri, n);
            if (opened < n) {
                System.out.printf(Locale.ROOT, "%s: %d of %d subscribers opened%n", uri, opened, n);
            }
            Thread.sleep(SETTLE_MILLIS); // not a timing: the wave of connections has to drain first
            Subscribers.Result result = subscribers.measure(seconds, opened);
            subscribers.close();
            return result;
        } finally {
            vertx.close().await();
        }
    }

    /**
     * The node's own account of its screens since it started ({@code craftmark_live_*} on
     * {@code /metrics}): deltas published, written, skipped by screens that were behind, resyncs.
     */
    private static String liveCounters(int port) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(l -> l.startsWith("craftmark_live_") && !l.startsWith("craftmark_live_screens"))
                .map(l -> l.replaceFirst("^craftmark_live_([a-z_]+?)(_total)?(\\{[^}]*})? ", "$1=")).collect(Collectors.joining(" ", "craftmark_live ", ""));
    }

    /** Craftmark's deltas as the screens got them, one per line: the bare broadcaster's payload. */
    private static Path deltasFile(Subscribers.Result craftmark) throws Exception {
        if (craftmark.sample().isEmpty()) {
            throw new IllegalStateException("Craftmark's screens got no delta while measuring: nothing to replay");
        }
        Path file = Files.createTempFile("craftmark-fanout-deltas-", ".jsonl");
        file.toFile().deleteOnExit();
        return Files.write(file, craftmark.sample());
    }

    private static Process child(Class<?> main, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        // e.g. -Dcraftmark.fanout.jfr=craftmark.jfr: a flight recording of each server under load.
        String jfr = System.getProperty("craftmark.fanout.jfr");
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + main.getSimpleName() + "-" + jfr);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The child's {@code READY …} line, split; its other output is passed on to ours. */
    private static String[] awaitReady(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                Thread.ofVirtual().start(() -> drain(out));
                return line.split(" ");
            }
        }
        throw new IllegalStateException(process.info().command().orElse("child") + " ended before it was ready");
    }

    /** Keeps reading the child's output so it never blocks on a full pipe; ends with the child. */
    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discarded: the server's request log
            }
        } catch (java.io.IOException ended) {
            // the child was stopped
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }
}
