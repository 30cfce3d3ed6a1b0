package org.craftmark.judge.sdk;

/** Where the client's link to {@code /ws/judge} stands. */
public enum ConnectionState {
    /** Not asked to connect yet (marks are still stored in the outbox). */
    IDLE,
    /** Signing in, getting a ticket, opening the socket, waiting for the assignments. */
    CONNECTING,
    /** Assignments received: marks go out as they are entered. */
    READY,
    /** The link failed or dropped; a retry is scheduled. */
    DISCONNECTED,
    /** A failure retrying cannot fix (e.g. wrong password); call {@code connect()} again to retry. */
    GAVE_UP,
    /** {@code close()} was called. */
    CLOSED
}
