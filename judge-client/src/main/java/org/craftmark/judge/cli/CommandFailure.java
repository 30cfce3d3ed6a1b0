package org.craftmark.judge.cli;

import java.io.Serial;

/** A failure to tell the user in one line (no stack trace); the command exits with {@link JudgeCli#FAILED}. */
final class CommandFailure extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
