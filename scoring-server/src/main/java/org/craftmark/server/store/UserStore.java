package org.craftmark.server.store;

import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.craftmark.server.store.schema.Tables.USERS;

/** Users and their password hashes. */
public final class UserStore {

    /** A user as stored, with the hash needed to check a password; a disabled user cannot sign in. */
    public record StoredUser(SignedInUser user, String passwordHash, boolean disabled) {
    }

    /** A user as the users list shows it. */
    public record ListedUser(SignedInUser user, boolean disabled) {
    }

    /** What a PATCH changes; null fields stay as they are. The password is already hashed. */
    public record UserChange(String displayName, String affiliation, String passwordHash, Boolean disabled) {
    }

    /** Who to list: a role (or any), a region subtree (or anywhere), and words in name, username or unit. */
    public record UserQuery(Role role, java.util.Collection<String> regionCodes, String text, int limit) {
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
                .map(r -> new StoredUser(toUser(r), r.getPasswordHash(), r.getDisabled()));
    }

    public Optional<SignedInUser> findById(long id) {
        return dsl.selectFrom(USERS)
                .where(USERS.ID.eq(id))
                .fetchOptional()
                .map(UserStore::toUser);
    }

    public Optional<ListedUser> findListed(long id) {
        return dsl.selectFrom(USERS)
                .where(USERS.ID.eq(id))
                .fetchOptional()
                .map(r -> new ListedUser(toUser(r), r.getDisabled()));
    }

    /**
     * Users matching the query, by display name then username. {@code regionCodes} null means any
     * region; otherwise a user must have one of them, or no region at all (judges often have none).
     */
    public List<ListedUser> list(UserQuery query) {
        Condition where = DSL.trueCondition();
        if (query.role() != null) {
            where = where.and(USERS.ROLE.eq(query.role().name()));
        }
        if (query.regionCodes() != null) {
            where = where.and(USERS.REGION_CODE.isNull().or(USERS.REGION_CODE.in(query.regionCodes())));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String like = "%" + escapeLike(query.text().strip()) + "%";
            where = where.and(USERS.DISPLAY_NAME.like(like, '!')
                    .or(USERS.USERNAME.like(like, '!'))
                    .or(USERS.AFFILIATION.like(like, '!')));
        }
        return dsl.selectFrom(USERS)
                .where(where)
                .orderBy(USERS.DISPLAY_NAME, USERS.USERNAME)
                .limit(query.limit())
                .fetch(r -> new ListedUser(toUser(r), r.getDisabled()));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Applies the change; fields left null are kept. */
    public void update(long id, UserChange change) {
        var update = dsl.update(USERS).set(USERS.ID, USERS.ID);
        if (change.displayName() != null) {
            update = update.set(USERS.DISPLAY_NAME, change.displayName());
        }
        if (change.affiliation() != null) {
            // An empty affiliation clears it: the judge has no unit to be in conflict with.
            update = update.set(USERS.AFFILIATION, change.affiliation().isEmpty() ? null : change.affiliation());
        }
        if (change.passwordHash() != null) {
            update = update.set(USERS.PASSWORD_HASH, change.passwordHash());
        }
        if (change.disabled() != null) {
            update = update.set(USERS.DISABLED, change.disabled());
        }
        update.where(USERS.ID.eq(id)).execute();
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
                .set(USERS.DISABLED, false)
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
