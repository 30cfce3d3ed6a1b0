package org.craftmark.judge.sdk;

/** What a frame from {@code /ws/judge} can carry, once read. */
sealed interface ServerMessage permits Assignments, Ack, Push, ServerMessage.Pong {

    /** The answer to a ping: the line is alive. */
    record Pong() implements ServerMessage {
    }
}
