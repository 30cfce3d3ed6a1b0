package org.craftmark.server.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which web pages may open our WebSockets. A browser sends {@code Origin} on every WebSocket upgrade
 * and lets any page open a socket to any server, cookies or not: without this check, a hostile page
 * a judge visits could ride the judge's ticket-issuing session (cross-site WebSocket hijacking).
 * Allowed: the server's own origin (the {@code Host} the request came to, or the configured public
 * URL), and the configured list. A request without {@code Origin} is no browser's (judge-client's
 * SDK, the CLI) and is allowed: those clients hold their own tickets.
 */
public final class OriginPolicy {
    private final Set<String> allowed;

    private OriginPolicy(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** @param publicUrl the configured public base URL; its origin is the server's own */
    public static OriginPolicy of(String publicUrl, List<String> allowedOrigins) {
        return new OriginPolicy(Stream.concat(Stream.of(originOf(publicUrl)), allowedOrigins.stream())
                .map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    /** True when a page from {@code origin} may open a socket on the server reached as {@code host}. */
    public boolean admits(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(normalized)) {
            return true;
        }
        return host != null && !host.isBlank()
                && (normalized.equals("http://" + host.toLowerCase(Locale.ROOT)) || normalized.equals("https://" + host.toLowerCase(Locale.ROOT)));
    }

    private static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
