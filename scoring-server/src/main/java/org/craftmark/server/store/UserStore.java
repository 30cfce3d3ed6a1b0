package org.craftmark.server.store;

import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.USERS;

/** Users and their password hashes. */
public final class UserStore {

    /** A user as stored, with the hash needed to check a password. */
    public record StoredUser(SignedInUser user, String passwordHash) {
    }

    /** What is needed to create a user; the password is already hashed. */
    public record NewUser(String username, String passwordHash, Role role, String displayName,
                          String regionCode, String affiliation) {
    }

    private final DSLContext dsl;

    public UserStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<StoredUser> findByUsername(String username) {
        return dsl.selectFrom(USERS)
                .where(USERS.USERNAME.eq(username))
                .fetchOptional()
                .map(r -> new StoredUser(toUser(r), r.getPasswordHash()));
    }

    public Optional<SignedInUser> findById(long id) {
        return dsl.selectFrom(USERS)
                .where(USERS.ID.eq(id))
                .fetchOptional()
                .map(UserStore::toUser);
    }

    public boolean usernameExists(String username) {
        return dsl.fetchExists(USERS, USERS.USERNAME.eq(username));
    }

    public SignedInUser insert(NewUser user, Instant now) {
        long id = dsl.insertInto(USERS)
                .set(USERS.USERNAME, user.username())
                .set(USERS.PASSWORD_HASH, user.passwordHash())
                .set(USERS.ROLE, user.role().name())
                .set(USERS.DISPLAY_NAME, user.displayName())
                .set(USERS.REGION_CODE, user.regionCode())
                .set(USERS.AFFILIATION, user.affiliation())
                .set(USERS.CREATED_AT, now.toEpochMilli())
                .returningResult(USERS.ID)
                .fetchSingle()
                .value1();
        return new SignedInUser(id, user.username(), user.role(), user.displayName(), user.regionCode(), user.affiliation());
    }

    /** Sets the password and role of an existing user (the bootstrap admin). */
    public void updateCredentials(long id, String passwordHash, Role role) {
        dsl.update(USERS)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.ROLE, role.name())
                .where(USERS.ID.eq(id))
                .execute();
    }

    static SignedInUser toUser(Record r) {
        return new SignedInUser(
                r.get(USERS.ID),
                r.get(USERS.USERNAME),
                Role.valueOf(r.get(USERS.ROLE)),
                r.get(USERS.DISPLAY_NAME),
                r.get(USERS.REGION_CODE),
                r.get(USERS.AFFILIATION));
    }
}
