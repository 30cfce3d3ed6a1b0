package org.craftmark.judge.sdk;

import java.util.Objects;
import java.util.UUID;

/**
 * The server's acknowledgement of one mark, sent only after the mark is durably committed (or
 * refused).
 *
 * @param clientMarkId the mark's id
 * @param status       ACCEPTED, DUPLICATE or REJECTED
 * @param markId       the server's id of the stored mark; null when REJECTED
 * @param version      the version of this judge's mark for the entry and criterion; null when REJECTED
 * @param error        why it was refused; null unless REJECTED
 */
public record Ack(UUID clientMarkId, AckStatus status, Long markId, Integer version, ApiError error)
        implements ServerMessage {
    public Ack {
        Objects.requireNonNull(clientMarkId, "clientMarkId");
        Objects.requireNonNull(status, "status");
        if (status == AckStatus.REJECTED && error == null) {
            error = new ApiError("", "rejected without a reason", null);
        }
    }

    public boolean rejected() {
        return status == AckStatus.REJECTED;
    }

    /** For people: {@code ACCEPTED mark 812 v2} or {@code REJECTED EVENT_LOCKED: …}. */
    public String describe() {
        return rejected()
                ? status + " " + error.describe()
                : status + " mark " + markId + " v" + version;
    }
}
