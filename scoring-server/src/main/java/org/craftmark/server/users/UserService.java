package org.craftmark.server.users;

import io.vertx.core.json.JsonObject;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
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

    /** A PATCH as read from the wire; null fields are left as they are ({@code ""} affiliation clears it). */
    public record UserPatch(String displayName, String affiliation, String password, Boolean disabled) {
        boolean endsSessions() {
            return password != null || Boolean.TRUE.equals(disabled);
        }
    }

    /** The most users one list answers: enough to pick judges from, small enough for any page. */
    public static final int MAX_LISTED = 500;

    private final Database db;
    private final RegionStore regions;
    private final List<LongConsumer> sessionsEnded = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> affiliationChanged = new CopyOnWriteArrayList<>();
    private final AuditLog audit;
    private final Clock clock;

    public UserService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.regions = db.stores().regions();
        this.audit = audit;
        this.clock = clock;
    }

    /** Told (with the user id) after a password change or disabling ended the user's sessions. */
    public void onSessionsEnded(LongConsumer listener) {
        sessionsEnded.add(listener);
    }

    /** Told (with the user id) after a judge's affiliation changed: conflicts of interest may differ now. */
    public void onAffiliationChanged(LongConsumer listener) {
        affiliationChanged.add(listener);
    }

    /**
     * Users to pick from: ADMIN sees everyone; an ORGANIZER sees the JUDGE users of its region (and
     * judges with no region), to seat panels by name; anyone else 403.
     */
    public List<UserStore.ListedUser> list(SignedInUser actor, Role role, String text) {
        if (actor.is(Role.ADMIN)) {
            return db.stores().users().list(new UserStore.UserQuery(role, null, text, MAX_LISTED));
        }
        if (!actor.is(Role.ORGANIZER)) {
            throw ApiException.forbidden("Only ADMIN and organizers list users.");
        }
        if (role != null && role != Role.JUDGE) {
            return List.of();
        }
        return db.stores().users().list(new UserStore.UserQuery(Role.JUDGE, regionsOf(actor), text, MAX_LISTED));
    }

    private List<String> regionsOf(SignedInUser organizer) {
        return regions.all().stream().map(RegionStore.StoredRegion::code)
                .filter(code -> regions.isWithin(code, organizer.regionCode())).toList();
    }

    /**
     * Changes a user's name, unit, password or whether it is disabled (ADMIN; an ORGANIZER for the
     * JUDGE users it may create). A new password or disabling ends the user's sessions at once.
     */
    public UserStore.ListedUser update(SignedInUser actor, long userId, UserPatch patch) {
        List<Problem> problems = patchProblems(actor, userId, patch);
        RuleViolation.throwIfAny(problems);
        String hash = patch.password() == null ? null : Passwords.hash(patch.password());
        UserStore.ListedUser before = db.transaction(tx -> {
            UserStore.ListedUser found = tx.users().findListed(userId).orElseThrow(() -> ApiException.notFound("User " + userId));
            mayChange(actor, found.user());
            tx.users().update(userId, new UserStore.UserChange(patch.displayName(), patch.affiliation(), hash, patch.disabled()));
            if (patch.endsSessions()) {
                tx.tokens().revokeAll(userId);
            }
            audit.record(tx, actor, "user.update", "user:" + userId, null, auditData(patch));
            return found;
        });
        if (patch.endsSessions()) {
            sessionsEnded.forEach(listener -> listener.accept(userId));
        }
        if (patch.affiliation() != null && !patch.affiliation().equals(nullToEmpty(before.user().affiliation()))) {
            affiliationChanged.forEach(listener -> listener.accept(userId));
        }
        return db.stores().users().findListed(userId).orElseThrow();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static List<Problem> patchProblems(SignedInUser actor, long userId, UserPatch patch) {
        List<Problem> problems = new ArrayList<>();
        String password = patch.password();
        if (password != null && (password.length() < Passwords.MIN_LENGTH || password.length() > Passwords.MAX_LENGTH)) {
            problems.add(new Problem("password", "must be " + Passwords.MIN_LENGTH + "–" + Passwords.MAX_LENGTH + " characters"));
        }
        if (Boolean.TRUE.equals(patch.disabled()) && actor.id() == userId) {
            problems.add(new Problem("disabled", "you cannot disable yourself"));
        }
        return problems;
    }

    private void mayChange(SignedInUser actor, SignedInUser target) {
        if (actor.is(Role.ADMIN)) {
            return;
        }
        boolean organizersJudge = actor.is(Role.ORGANIZER) && target.is(Role.JUDGE)
                && (target.regionCode() == null || regions.isWithin(target.regionCode(), actor.regionCode()));
        if (!organizersJudge) {
            throw ApiException.forbidden("An organizer may change the JUDGE users of its own region only.");
        }
    }

    /** What changed, never the password itself. */
    private static JsonObject auditData(UserPatch patch) {
        return new JsonObject()
                .put("displayName", patch.displayName())
                .put("affiliation", patch.affiliation())
                .put("passwordChanged", patch.password() != null)
                .put("disabled", patch.disabled());
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
