package org.craftmark.judge.outbox;

import java.util.List;

/**
 * What an outbox holds, as read from disk at one moment.
 *
 * @param pending  marks waiting for an ack, oldest first
 * @param rejected marks the server refused, in the order they were refused
 */
public record OutboxContents(List<PendingMark> pending, List<RejectedMark> rejected) {
    public OutboxContents {
        pending = List.copyOf(pending);
        rejected = List.copyOf(rejected);
    }
}
