package org.craftmark.server.users;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.server.audit.AuditLog;
import org.craftmark.server.auth.Passwords;
import org.craftmark.server.auth.Role;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.http.ApiException;
import org.craftmark.server.store.Database;
import org.craftmark.server.store.RegionStore;
import org.craftmark.server.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creating users, with least privilege: ADMIN creates anyone; an ORGANIZER creates JUDGE users
 * (its panels' judges) inside its own region; nobody else creates users.
 */
public final class UserService {
    public static final String ADMIN_USERNAME = "admin";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    /** A request to create a user, as read from the wire (fields may be null when absent). */
    public record NewUserRequest(String username, String password, Role role, String displayName,
                                 String regionCode, String affiliation) {
    }

    private final Database db;
    private final RegionStore regions;
    private final AuditLog audit;
    private final Clock clock;

    public UserService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.regions = db.stores().regions();
        this.audit = audit;
        this.clock = clock;
    }

    public SignedInUser create(SignedInUser actor, NewUserRequest request) {
        mayCreate(actor, request.role());
        List<Problem> problems = validate(request);
        if (!problems.isEmpty()) {
            throw ApiException.validationFailed(problems);
        }
        checkRegion(actor, request);
        String hash = Passwords.hash(request.password());
        return db.transaction(tx -> {
            UserStore store = tx.users();
            if (store.usernameExists(request.username())) {
                throw ApiException.conflict("DUPLICATE", "The username " + request.username() + " is taken.",
                        List.of(new Problem("username", "is taken")));
            }
            SignedInUser created = store.insert(new UserStore.NewUser(request.username(), hash, request.role(),
                    request.displayName(), request.regionCode(), request.affiliation()), clock.instant());
            audit.record(tx, actor, "user.create", "user:" + created.id(), null, new JsonObject()
                    .put("username", created.username()).put("role", created.role().name()).put("regionCode", created.regionCode()));
            LOG.info("user {} created user {} with role {}", actor.username(), created.username(), created.role());
            return created;
        });
    }

    private static void mayCreate(SignedInUser actor, Role role) {
        boolean allowed = actor.is(Role.ADMIN) || actor.is(Role.ORGANIZER) && role == Role.JUDGE;
        if (!allowed) {
            throw ApiException.forbidden(actor.is(Role.ORGANIZER)
                    ? "An organizer may create JUDGE users only."
                    : "Only ADMIN and organizers create users.");
        }
    }

    private static List<Problem> validate(NewUserRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.username() != null && !USERNAME.matcher(request.username()).matches()) {
            problems.add(new Problem("username", "must be 3–64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        String password = request.password();
        if (password != null && (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH)) {
            problems.add(new Problem("password", "must be " + Passwords.MIN_LENGTH + "–" + Passwords.MAX_LENGTH + " characters"));
        }
        if (request.role() != null && request.role().isRegionScoped() && request.regionCode() == null) {
            problems.add(new Problem("regionCode", "is required for " + request.role()));
        }
        return problems;
    }

    private void checkRegion(SignedInUser actor, NewUserRequest request) {
        if (request.regionCode() == null) {
            return;
        }
        if (regions.find(request.regionCode()).isEmpty()) {
            throw ApiException.validationFailed(List.of(new Problem("regionCode", "is not a known region")));
        }
        if (actor.is(Role.ORGANIZER) && !regions.isWithin(request.regionCode(), actor.regionCode())) {
            throw ApiException.forbidden("An organizer may create users only inside its own region.");
        }
    }

    public Optional<SignedInUser> find(String username) {
        return db.stores().users().findByUsername(username).map(UserStore.StoredUser::user);
    }

    /**
     * Creates the user {@code admin} with this password, or resets its password and role, so that an
     * operator who lost the admin password can recover by restarting with a new one.
     */
    public void ensureAdmin(String password) {
        if (password.length() < Passwords.MIN_LENGTH) {
            throw new IllegalArgumentException("the admin password must be at least " + Passwords.MIN_LENGTH + " characters");
        }
        String hash = Passwords.hash(password);
        db.transaction(tx -> {
            UserStore store = tx.users();
            store.findByUsername(ADMIN_USERNAME).ifPresentOrElse(
                    existing -> store.updateCredentials(existing.user().id(), hash, Role.ADMIN),
                    () -> store.insert(new UserStore.NewUser(ADMIN_USERNAME, hash, Role.ADMIN, "Administrator", null, null), clock.instant()));
            return null;
        });
        LOG.info("bootstrap admin user is ready");
    }
}
