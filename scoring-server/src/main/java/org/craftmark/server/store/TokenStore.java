package org.craftmark.server.store;

import org.craftmark.server.auth.SignedInUser;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.AUTH_TOKENS;
import static org.craftmark.server.store.schema.Tables.USERS;
import static org.craftmark.server.store.schema.Tables.WS_TICKETS;

/**
 * Bearer tokens and one-time WebSocket tickets, both kept only as hashes. Stored in the database so
 * that tablets stay signed in across a server restart on contest day.
 */
public final class TokenStore {
    private final DSLContext dsl;

    public TokenStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void saveToken(String tokenHash, long userId, Instant now, Instant expiresAt) {
        dsl.insertInto(AUTH_TOKENS)
                .set(AUTH_TOKENS.TOKEN_HASH, tokenHash)
                .set(AUTH_TOKENS.USER_ID, userId)
                .set(AUTH_TOKENS.CREATED_AT, now.toEpochMilli())
                .set(AUTH_TOKENS.EXPIRES_AT, expiresAt.toEpochMilli())
                .execute();
    }

    public Optional<SignedInUser> userOfToken(String tokenHash, Instant now) {
        return dsl.select(USERS.fields())
                .from(AUTH_TOKENS)
                .join(USERS).on(USERS.ID.eq(AUTH_TOKENS.USER_ID))
                .where(AUTH_TOKENS.TOKEN_HASH.eq(tokenHash))
                .and(AUTH_TOKENS.EXPIRES_AT.gt(now.toEpochMilli()))
                .and(USERS.DISABLED.isFalse())
                .fetchOptional()
                .map(UserStore::toUser);
    }

    public void saveTicket(String ticketHash, long userId, Instant expiresAt) {
        dsl.insertInto(WS_TICKETS)
                .set(WS_TICKETS.TICKET_HASH, ticketHash)
                .set(WS_TICKETS.USER_ID, userId)
                .set(WS_TICKETS.EXPIRES_AT, expiresAt.toEpochMilli())
                .set(WS_TICKETS.USED, false)
                .execute();
    }

    /**
     * Uses a ticket up and answers whose it was. The conditional update makes "valid once" hold even
     * when two connections race with the same ticket: only one of them changes the row.
     */
    public Optional<SignedInUser> redeemTicket(String ticketHash, Instant now) {
        int claimed = dsl.update(WS_TICKETS)
                .set(WS_TICKETS.USED, true)
                .where(WS_TICKETS.TICKET_HASH.eq(ticketHash))
                .and(WS_TICKETS.USED.isFalse())
                .and(WS_TICKETS.EXPIRES_AT.gt(now.toEpochMilli()))
                .execute();
        if (claimed != 1) {
            return Optional.empty();
        }
        return dsl.select(USERS.fields())
                .from(WS_TICKETS)
                .join(USERS).on(USERS.ID.eq(WS_TICKETS.USER_ID))
                .where(WS_TICKETS.TICKET_HASH.eq(ticketHash))
                .and(USERS.DISABLED.isFalse())
                .fetchOptional()
                .map(UserStore::toUser);
    }

    /** Ends every session of the user: their tokens and unused tickets stop working at once. */
    public int revokeAll(long userId) {
        return dsl.deleteFrom(AUTH_TOKENS).where(AUTH_TOKENS.USER_ID.eq(userId)).execute()
                + dsl.deleteFrom(WS_TICKETS).where(WS_TICKETS.USER_ID.eq(userId)).execute();
    }

    /** Forgets tokens and tickets that can no longer be used. */
    public int purgeExpired(Instant now) {
        long cutoff = now.toEpochMilli();
        return dsl.deleteFrom(AUTH_TOKENS).where(AUTH_TOKENS.EXPIRES_AT.le(cutoff)).execute()
                + dsl.deleteFrom(WS_TICKETS).where(WS_TICKETS.EXPIRES_AT.le(cutoff)).execute();
    }
}
