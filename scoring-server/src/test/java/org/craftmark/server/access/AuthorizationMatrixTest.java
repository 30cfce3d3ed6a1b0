package org.craftmark.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.craftmark.server.http.OpenApiDocument;
import org.craftmark.server.testing.OnMariaDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route × every caller × the outcome the contract gives, from one table
 * ({@code access/authorization-matrix.csv}), probed against one real server over a seeded season.
 * The table must name exactly the routes of the served OpenAPI document and of the router.
 */
@DisplayName("Who may call what: the authorization matrix")
class AuthorizationMatrixTest extends OnMariaDb {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final AtomicInteger unique = new AtomicInteger(1);

    private static AuthorizationMatrix matrix;
    private static MatrixSeason seeded;
    private static Map<String, Probe> probes;
    private static ProbeClient client;

    @BeforeAll
    static void seed() {
        matrix = AuthorizationMatrix.load();
        seeded = new MatrixSeason(server, season);
        probes = Probes.of(seeded);
        client = new ProbeClient(server.api());
    }

    @Test
    void theTableNamesEveryRouteOfTheDocumentAndTheRouterAndNoOther() throws IOException {
        Set<String> routes = new TreeSet<>(documentedRoutes());
        routes.addAll(server.app().apiRoutes());

        assertThat(routes).as("the server's routes").contains("POST /api/v1/marks:batch", "GET /ws/judge", "GET /ws/live");
        assertThat(difference(routes, matrix.routes())).as("routes missing from the authorization matrix").isEmpty();
        assertThat(difference(matrix.routes(), routes)).as("matrix rows naming no route of the server").isEmpty();
        assertThat(difference(matrix.routes(), probes.keySet())).as("matrix rows without a probe").isEmpty();
        assertThat(difference(probes.keySet(), matrix.routes())).as("probes without a matrix row").isEmpty();
    }

    /** Non-destructive probes first, so a revoked certificate or an unseated judge changes nothing the others see. */
    @TestFactory
    Stream<DynamicContainer> everyCallerGetsTheTablesOutcome() {
        return matrix.routes().stream()
                .filter(probes::containsKey)
                .sorted(Comparator.comparing((String route) -> probes.get(route).destructive()))
                .map(route -> DynamicContainer.dynamicContainer(route, matrix.row(route).entrySet().stream()
                        .map(cell -> DynamicTest.dynamicTest(cell.getKey() + " → " + cell.getValue(),
                                () -> check(route, cell.getKey(), cell.getValue())))));
    }

    private static void check(String route, Caller caller, AuthorizationMatrix.Outcome expected) {
        Probe probe = probes.get(route);
        ProbeClient.Answer answer = client.send(probe, seeded.token(caller), unique.getAndIncrement());
        String what = caller + " " + probe.method() + " " + probe.path() + " answered " + answer.status() + " " + answer.body();

        assertThat(answer.status()).as(what).isLessThan(500);
        expected.check(answer, what);
    }

    private static Set<String> documentedRoutes() throws IOException {
        String text = server.api().get(OpenApiDocument.PATH, null).body();
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(text).path("paths");
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            path.getValue().properties().stream().map(Map.Entry::getKey).filter(METHODS::contains)
                    .forEach(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return routes;
    }

    private static List<String> difference(Set<String> these, Set<String> those) {
        return these.stream().filter(route -> !those.contains(route)).sorted().toList();
    }
}
