package org.craftmark.server.marking;

import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.MarkStore.StoredMark;

/**
 * The server's answer to one mark: ACCEPTED or DUPLICATE with the stored mark, or REJECTED with why.
 * {@code eventId} (not sent) says which leaderboard an accepted mark moves.
 */
public record Ack(String clientMarkId, Status status, Long markId, Integer version, ApiException error, Long eventId) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    static Ack accepted(StoredMark mark) {
        return new Ack(mark.clientMarkId(), Status.ACCEPTED, mark.id(), mark.version(), null, mark.eventId());
    }

    static Ack duplicate(StoredMark mark) {
        return new Ack(mark.clientMarkId(), Status.DUPLICATE, mark.id(), mark.version(), null, mark.eventId());
    }

    static Ack rejected(String clientMarkId, ApiException error) {
        return new Ack(clientMarkId, Status.REJECTED, null, null, error, null);
    }

    public boolean isAccepted() {
        return status == Status.ACCEPTED;
    }
}
