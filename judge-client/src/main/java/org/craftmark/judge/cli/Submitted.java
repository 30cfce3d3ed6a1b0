package org.craftmark.judge.cli;

import io.vertx.core.Future;
import org.craftmark.judge.sdk.Ack;
import org.craftmark.judge.sdk.MarkDraft;

import java.util.concurrent.CompletableFuture;

/**
 * A mark handed to the client, and its ack to come.
 *
 * @param source where it came from, for people: {@code line 14}, or empty
 */
record Submitted(String source, MarkDraft draft, CompletableFuture<Ack> ack) {

    static Submitted of(String source, MarkDraft draft, Future<Ack> ack) {
        return new Submitted(source, draft, ack.toCompletionStage().toCompletableFuture());
    }

    /** The ack if it has arrived; null otherwise. */
    Ack ackOrNull() {
        return ack.isDone() && !ack.isCompletedExceptionally() ? ack.join() : null;
    }
}
