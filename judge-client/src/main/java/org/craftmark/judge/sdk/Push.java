package org.craftmark.judge.sdk;

import java.util.UUID;

/** What the server tells a judge unasked. */
public sealed interface Push extends ServerMessage {

    /** The WSS marks on this criterion are more than 1 apart: the panel re-marks it. */
    record Discrepancy(long eventId, long entryId, String criterion) implements Push {
    }

    /** The chief judge locked the event: marks for it are refused until it is unlocked. */
    record Locked(long eventId) implements Push {
    }

    /** The chief judge unlocked the event: marking may go on. */
    record Unlocked(long eventId) implements Push {
    }

    /**
     * The server could not handle a frame. {@code MALFORMED}: a frame it could not read. Any other
     * code (e.g. {@code UNAVAILABLE}, the database is down): it could read the frame but store
     * nothing; the client reconnects with backoff, which resends every mark still pending.
     *
     * @param clientMarkId the mark that could not be stored, when the server names it; else null
     */
    record ServerError(ApiError error, UUID clientMarkId) implements Push {
    }
}
