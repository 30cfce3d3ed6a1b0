package org.craftmark.server.auth;

import org.craftmark.server.http.ApiException;
import org.craftmark.server.http.RateLimit;
import org.craftmark.server.store.TokenStore;
import org.craftmark.server.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Signing in: passwords to bearer tokens, tokens to users, and one-time WebSocket tickets. */
public final class AuthService {
    public static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);
    /**
     * Tickets per user per minute: a tablet on a flaky hall network reconnects a few times a minute
     * at worst; a script asking for thousands would fill the ticket table.
     */
    public static final int TICKETS_PER_MINUTE = 30;
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final String BEARER = "Bearer ";

    /** A fresh sign-in. */
    public record Session(String token, Instant expiresAt, SignedInUser user) {
    }

    private final UserStore users;
    private final TokenStore tokens;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final RateLimit ticketLimit = new RateLimit(TICKETS_PER_MINUTE, Duration.ofMinutes(1), System::nanoTime);

    /** @param tokenLifetime how long a sign-in lasts ({@code --session-hours}) */
    public AuthService(UserStore users, TokenStore tokens, LoginThrottle throttle, Clock clock, Duration tokenLifetime) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    public Session login(String username, String password) {
        throttle.lockedFor(username).ifPresent(wait -> {
            throw tooManyAttempts(wait);
        });
        Optional<UserStore.StoredUser> found = users.findByUsername(username);
        // A disabled user is told the same as a wrong password: the answer says nothing about the account.
        boolean ok = found.map(u -> Passwords.matches(password, u.passwordHash()) && !u.disabled()).orElseGet(() -> {
            Passwords.checkDecoy(password);
            return false;
        });
        if (!ok) {
            LOG.info("login failed for user {}", username);
            throttle.recordFailure(username).ifPresent(wait -> {
                throw tooManyAttempts(wait);
            });
            throw ApiException.unauthenticated("Wrong username or password.");
        }
        throttle.recordSuccess(username);
        return startSession(found.get().user());
    }

    private Session startSession(SignedInUser user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(tokenLifetime);
        String token = Secrets.newSecret();
        tokens.saveToken(Secrets.sha256(token), user.id(), now, expiresAt);
        LOG.info("user {} signed in as {}", user.username(), user.role());
        return new Session(token, expiresAt, user);
    }

    /** The user behind an {@code Authorization: Bearer …} header; 401 when there is none. */
    public SignedInUser authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith(BEARER)) {
            throw ApiException.unauthenticated("Sign in first: send Authorization: Bearer <token>.");
        }
        String token = authorizationHeader.substring(BEARER.length()).strip();
        return tokens.userOfToken(Secrets.sha256(token), clock.instant())
                .orElseThrow(() -> ApiException.unauthenticated("The token is unknown or has expired; sign in again."));
    }

    /**
     * The signed-in user when the request carries a token, else empty (a public caller). A token
     * that is sent but unknown or expired is still 401: the client should sign in again.
     */
    public Optional<SignedInUser> viewer(String authorizationHeader) {
        return authorizationHeader == null ? Optional.empty() : Optional.of(authenticate(authorizationHeader));
    }

    /** A ticket for one WebSocket upgrade within the next 60 seconds; 429 past 30 a minute for one user. */
    public String issueTicket(SignedInUser user) {
        ticketLimit.admit("user:" + user.id());
        String ticket = Secrets.newSecret();
        tokens.saveTicket(Secrets.sha256(ticket), user.id(), clock.instant().plus(TICKET_LIFETIME));
        return ticket;
    }

    /** Uses a ticket up; empty when it is unknown, used or expired. */
    public Optional<SignedInUser> redeemTicket(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Optional.empty();
        }
        return tokens.redeemTicket(Secrets.sha256(ticket), clock.instant());
    }

    private static ApiException tooManyAttempts(Duration wait) {
        return ApiException.rateLimited("Too many failed sign-ins for this user; try again later.", wait);
    }
}
