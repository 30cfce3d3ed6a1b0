package org.craftmark.server.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table {@value #RESOURCE}: one row per route ({@code METHOD /path/{param}}), one column per
 * {@link Caller}, each cell the contract's outcome: {@code ok} (anything but 401/403 — the probe
 * may well be refused as 400, 404 or 409), {@code 401}, {@code 403} or {@code 404}.
 */
final class AuthorizationMatrix {
    static final String RESOURCE = "access/authorization-matrix.csv";

    enum Outcome {
        OK, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND;

        static Outcome parse(String cell) {
            return switch (cell.strip()) {
                case "ok" -> OK;
                case "401" -> UNAUTHENTICATED;
                case "403" -> FORBIDDEN;
                case "404" -> NOT_FOUND;
                default -> throw new IllegalArgumentException("unknown outcome '" + cell + "' in " + RESOURCE);
            };
        }

        /** Upgrades refused are plain statuses without a body; HTTP answers carry the contract's code. */
        void check(ProbeClient.Answer answer, String what) {
            switch (this) {
                case OK -> assertThat(answer.status()).as(what).isNotIn(401, 403);
                case UNAUTHENTICATED -> refused(answer, what, 401, Set.of("UNAUTHENTICATED"));
                case FORBIDDEN -> refused(answer, what, 403, Set.of("FORBIDDEN", "RESULTS_NOT_PUBLISHED"));
                case NOT_FOUND -> refused(answer, what, 404, Set.of("NOT_FOUND"));
            }
        }

        private static void refused(ProbeClient.Answer answer, String what, int status, Set<String> codes) {
            assertThat(answer.status()).as(what).isEqualTo(status);
            if (!answer.body().isEmpty()) {
                assertThat(answer.errorCode()).as(what).isIn(codes);
            }
        }
    }

    private final Map<String, Map<Caller, Outcome>> rows;

    private AuthorizationMatrix(Map<String, Map<Caller, Outcome>> rows) {
        this.rows = rows;
    }

    static AuthorizationMatrix load() {
        List<String> lines = read().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<Caller> columns = Arrays.stream(lines.getFirst().split(",")).skip(1).map(String::strip).map(Caller::valueOf).toList();
        assertThat(columns).as("the columns of %s", RESOURCE).containsExactlyInAnyOrder(Caller.values());
        Map<String, Map<Caller, Outcome>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells).as("row %s has a cell per caller", line).hasSize(columns.size() + 1);
            Map<Caller, Outcome> row = new EnumMap<>(Caller.class);
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), Outcome.parse(cells[i + 1]));
            }
            assertThat(rows.put(cells[0].strip(), row)).as("%s is listed once", cells[0]).isNull();
        }
        return new AuthorizationMatrix(rows);
    }

    Set<String> routes() {
        return rows.keySet();
    }

    Map<Caller, Outcome> row(String route) {
        return rows.get(route);
    }

    private static String read() {
        try (InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as("%s on the test classpath", RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
