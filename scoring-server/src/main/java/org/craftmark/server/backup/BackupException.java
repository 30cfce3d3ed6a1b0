package org.craftmark.server.backup;

/** A backup or restore refused, with a message for the operator who ran the command. */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }
}
