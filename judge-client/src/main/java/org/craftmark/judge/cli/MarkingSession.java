package org.craftmark.judge.cli;

import io.vertx.core.Future;
import org.craftmark.judge.sdk.ConnectionChange;
import org.craftmark.judge.sdk.JudgeClient;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A judge client for the length of one command: tells the user about its connection on stderr, waits
 * for acks until a deadline, and stops waiting as soon as there is nothing left to wait for (a wrong
 * password, a failed sync).
 */
final class MarkingSession implements AutoCloseable {
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final JudgeClient client;
    private final Duration timeout;
    private final long deadline;
    private final PrintWriter err;
    private final CompletableFuture<Void> hopeless = new CompletableFuture<>();

    private MarkingSession(JudgeClient client, Duration timeout, PrintWriter err) {
        this.client = client;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.err = err;
        client.onConnectionChange(this::report);
    }

    /** Builds the client; the timeout starts now. */
    static MarkingSession open(SignInOptions signIn, Duration timeout, PrintWriter err) {
        return new MarkingSession(signIn.build(), timeout, err);
    }

    JudgeClient client() {
        return client;
    }

    /** Stops waiting for acks if {@code work} fails: they cannot come any more. */
    void giveUpIfFails(Future<?> work) {
        work.onFailure(hopeless::completeExceptionally);
    }

    /** Waits for every ack until the deadline, then sums up what arrived. */
    AckSummary collect(List<Submitted> marks) throws InterruptedException {
        CompletableFuture<Void> all = CompletableFuture.allOf(marks.stream().map(Submitted::ack).toArray(CompletableFuture[]::new));
        try {
            CompletableFuture.anyOf(all, hopeless).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            err.printf("Not every mark was answered within %s.%n", human(timeout));
        } catch (ExecutionException e) {
            err.println("Stopped: " + why(e.getCause()));
        }
        return AckSummary.of(marks);
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            err.println("Could not close the client cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String human(Duration duration) {
        if (duration.toMillis() < 1000) {
            return duration.toMillis() + " ms";
        }
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private static String why(Throwable cause) {
        return cause == null ? "closed" : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private void report(ConnectionChange change) {
        switch (change.state()) {
            case READY -> err.println("Connected.");
            case DISCONNECTED -> err.printf("No connection (%s); retrying in %d ms.%n",
                    why(change.cause()), change.retryIn().toMillis());
            case GAVE_UP -> hopeless.completeExceptionally(change.cause()); // collect() says why
            default -> {
                // CONNECTING, CLOSED: nothing the user needs to hear
            }
        }
        err.flush();
    }
}
