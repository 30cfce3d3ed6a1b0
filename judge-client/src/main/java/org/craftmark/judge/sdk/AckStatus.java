package org.craftmark.judge.sdk;

/** The server's answer to one mark. Each one settles the mark: it leaves the outbox. */
public enum AckStatus {
    /** Committed as a new version of this judge's mark for the entry and criterion. */
    ACCEPTED,
    /** Already committed earlier under the same clientMarkId (a resend); nothing changed. */
    DUPLICATE,
    /** Refused, with the reason in {@link Ack#error()}; the mark is kept under {@code rejected/}. */
    REJECTED
}
