package org.craftmark.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.craftmark.server.access.Caller;
import org.craftmark.server.access.MatrixSeason;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests for every operation of the OpenAPI document, each made invalid on purpose — by the caller
 * (no or a forged token), by a path id that names nothing, or by a body no handler can accept — so
 * that every one must be refused and none may change data. Operations with nothing to spoil (public
 * reads) get hostile query strings and are only required not to fail.
 */
final class HostileRequests {
    /** What makes the request invalid. */
    enum Spoiler { CALLER, PATH, BODY, NONE }

    record HostileRequest(String method, String path, String contentType, byte[] body, String authorization, Spoiler spoiler) {
        @Override
        public String toString() {
            String shown = new String(body, 0, Math.min(body.length, 120), java.nio.charset.StandardCharsets.UTF_8);
            return method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " [" + spoiler + ", "
                    + contentType + ", " + body.length + " bytes: " + shown + "]";
        }
    }

    private static final List<String> QUERY_NAMES = List.of("id", "year", "tier", "regionCode", "occupationCode", "format", "role",
            "q", "userId", "version", "progress", "contestId", "eventId", "since", "ticket");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "text/plain", "application/xml", "text/csv", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "application/json; charset=gbk", "*/*", "");

    private final MatrixSeason season;

    HostileRequests(MatrixSeason season) {
        this.season = season;
    }

    Arbitrary<HostileRequest> of(List<ApiOperations.Operation> operations) {
        return Arbitraries.of(operations.stream().filter(op -> !op.webSocket()).toList()).flatMap(this::of);
    }

    private Arbitrary<HostileRequest> of(ApiOperations.Operation op) {
        List<Spoiler> spoilers = new ArrayList<>();
        if (op.needsToken()) {
            spoilers.add(Spoiler.CALLER);
        }
        if (!op.params().isEmpty()) {
            spoilers.add(Spoiler.PATH);
        }
        if (op.bodyRequired()) {
            spoilers.add(Spoiler.BODY);
        }
        if (spoilers.isEmpty()) {
            spoilers.add(Spoiler.NONE);
        }
        return Arbitraries.of(spoilers).flatMap(spoiler -> request(op, spoiler));
    }

    private Arbitrary<HostileRequest> request(ApiOperations.Operation op, Spoiler spoiler) {
        Arbitrary<String> path = spoiler == Spoiler.PATH ? spoiledPath(op) : Arbitraries.just(realPath(op));
        Arbitrary<String> authorization = spoiler == Spoiler.CALLER ? forgedAuthorization() : signedIn();
        Arbitrary<byte[]> body = spoiler == Spoiler.BODY ? spoiledBody(op) : anyBody(op);
        Arbitrary<String> contentType = spoiler == Spoiler.BODY && op.bodyType().equals("text/csv")
                ? Arbitraries.of(CONTENT_TYPES).filter(type -> !type.startsWith("text/csv"))
                : Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.just(op.bodyType() == null ? "application/json" : op.bodyType())),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(CONTENT_TYPES)));
        return Combinators.combine(path, query(), contentType, body, authorization)
                .as((p, q, type, bytes, auth) -> new HostileRequest(op.method(), p + q, type, bytes, auth, spoiler));
    }

    /** The operation's path over the seeded season's real ids. */
    private String realPath(ApiOperations.Operation op) {
        String path = op.path();
        for (String param : op.params()) {
            path = path.replace("{" + param + "}", realValue(op.path(), param));
        }
        return path;
    }

    private Arbitrary<String> spoiledPath(ApiOperations.Operation op) {
        return Combinators.combine(Arbitraries.of(op.params()), Hostile.pathParam()).as((param, value) -> {
            String path = op.path().replace("{" + param + "}", value);
            for (String other : op.params()) {
                path = path.replace("{" + other + "}", realValue(op.path(), other));
            }
            return path;
        });
    }

    private String realValue(String template, String param) {
        Map<String, String> byPrefix = Map.of("/api/v1/contests/", String.valueOf(season.contest),
                "/api/v1/events/", String.valueOf(season.event), "/api/v1/entries/", String.valueOf(season.entry),
                "/api/v1/appeals/", String.valueOf(season.appeal), "/api/v1/rechecks/", String.valueOf(season.recheck),
                "/api/v1/users/", String.valueOf(season.editableJudge));
        return switch (param) {
            case "entryId" -> String.valueOf(season.entry);
            case "userId" -> String.valueOf(season.unseatable);
            case "code" -> "110000";
            case "no" -> season.certificate;
            case "token" -> season.download;
            case "idNumber" -> MatrixSeason.ID_NUMBER;
            default -> byPrefix.entrySet().stream().filter(e -> template.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse("1");
        };
    }

    private Arbitrary<String> query() {
        Arbitrary<String> pair = Combinators.combine(Arbitraries.of(QUERY_NAMES), Hostile.pathParam()).as((k, v) -> k + "=" + v);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, pair.list().ofMinSize(1).ofMaxSize(4).map(pairs -> "?" + String.join("&", pairs))));
    }

    /** A token of every role, the right way. */
    private Arbitrary<String> signedIn() {
        return Arbitraries.of(Caller.values()).filter(c -> c != Caller.ANONYMOUS).map(c -> "Bearer " + season.token(c));
    }

    /** No token, or one no server issued; never a valid one. */
    private Arbitrary<String> forgedAuthorization() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4tc2VjcmV0LTE=", "Bearer null", "Bearer ' OR '1'='1",
                        "Bearer " + "A".repeat(8000), "Token abc", "Bearer %00"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(100).map(t -> "Bearer " + t),
                signedIn().map(valid -> valid + "x"),
                signedIn().map(valid -> valid.substring(0, valid.length() - 1)));
    }

    private Arbitrary<byte[]> spoiledBody(ApiOperations.Operation op) {
        if (op.bodyType().equals("text/csv")) {
            return Arbitraries.oneOf(Hostile.notAnObject(), Hostile.oversized());
        }
        Arbitrary<byte[]> wrongTypes = Hostile.objectWithWrongTypes(op.fields()).map(Hostile::utf8);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(op.fields().isEmpty() ? 0 : 10, wrongTypes),
                net.jqwik.api.Tuple.of(10, Hostile.notAnObject()),
                net.jqwik.api.Tuple.of(1, Hostile.oversized()));
    }

    /** Where the request is spoiled elsewhere, the body may be anything, even plausible. */
    private Arbitrary<byte[]> anyBody(ApiOperations.Operation op) {
        Arbitrary<byte[]> plausible = Hostile.objectWithWrongTypes(op.fields()).map(Hostile::utf8);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(op.bodyType() == null ? 1 : 5, plausible),
                net.jqwik.api.Tuple.of(3, Hostile.notAnObject()),
                net.jqwik.api.Tuple.of(1, Hostile.wideObject().map(Hostile::utf8)),
                net.jqwik.api.Tuple.of(op.method().equals("GET") ? 6 : 1, Arbitraries.just(new byte[0])));
    }
}
