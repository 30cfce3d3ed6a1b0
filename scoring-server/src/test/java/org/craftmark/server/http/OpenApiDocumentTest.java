package org.craftmark.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at {@code GET /api/v1/openapi.yaml} stays true: it is valid enough to use,
 * and every route the running server has is in it. Documented paths the server does not have yet
 * are reported as warnings (routes are being added); an undocumented route fails.
 */
@DisplayName("The OpenAPI document")
class OpenApiDocumentTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern PATH_TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    private static String text;
    private static JsonNode document;
    private static TestServer server;

    @BeforeAll
    static void readAndStart() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(OpenApiDocument.RESOURCE)) {
            assertThat(in).as("%s on the classpath", OpenApiDocument.RESOURCE).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        document = new ObjectMapper(new YAMLFactory()).readTree(text);
        server = TestServer.start(Backend.H2);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void isOpenApi31WithInfoAndBearerAuth() {
        assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void everyReferenceResolvesToADefinedComponent() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(ref -> {
            assertThat(ref).as("local component reference").startsWith("#/components/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        });
    }

    @Test
    void theErrorSchemaIsTheContractsErrorShape() {
        JsonNode error = document.at("/components/schemas/Error/properties/error");
        assertThat(names(error.path("required"))).containsExactlyInAnyOrder("code", "message", "details");
        JsonNode detail = document.at("/components/schemas/ErrorDetail");
        assertThat(names(detail.path("required"))).containsExactlyInAnyOrder("field", "problem");
        assertThat(document.at("/components/responses/RateLimited/headers/Retry-After").isMissingNode()).isFalse();
        for (String response : List.of("BadRequest", "Unauthenticated", "Forbidden", "NotFound", "Conflict", "TooLarge", "RateLimited", "Unavailable")) {
            assertThat(document.at("/components/responses/" + response + "/content/application~1json/schema/$ref").asText())
                    .as(response).isEqualTo("#/components/schemas/Error");
        }
    }

    @Test
    void everyOperationHasResponsesAnIdAndItsPathParameters() {
        Set<String> operationIds = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!HTTP_METHODS.contains(operation.getKey())) {
                    continue;
                }
                String where = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                assertThat(operation.getValue().path("responses").isEmpty()).as("%s has responses", where).isFalse();
                assertThat(operationIds.add(operation.getValue().path("operationId").asText()))
                        .as("%s has a unique operationId", where).isTrue();
                Matcher template = PATH_TEMPLATE.matcher(path.getKey());
                while (template.find()) {
                    assertThat(pathParameters(path.getValue(), operation.getValue()))
                            .as("%s declares the path parameter %s", where, template.group(1))
                            .contains(template.group(1));
                }
            }
        }
    }

    @Test
    void everyRouteOfTheRunningServerIsDocumented(TestReporter reporter) {
        List<String> routes = server.app().apiRoutes();
        Set<String> documented = documentedRoutes();

        assertThat(routes).as("the server's API routes").contains("GET /health", "POST /api/v1/auth/login");
        assertThat(routes.stream().filter(route -> !documented.contains(route)).toList())
                .as("routes the server has that %s does not document", OpenApiDocument.RESOURCE)
                .isEmpty();

        List<String> notRoutedYet = documented.stream().filter(route -> !routes.contains(route)).toList();
        if (!notRoutedYet.isEmpty()) {
            String warning = "WARNING: documented in " + OpenApiDocument.RESOURCE + " but not (yet) routed by the server: "
                    + String.join(", ", notRoutedYet);
            System.out.println(warning);
            reporter.publishEntry("documented but not routed", String.join(", ", notRoutedYet));
        }
    }

    @Test
    void theRunningServerServesThisDocumentWhenItHasTheRoute() {
        if (!server.app().apiRoutes().contains("GET " + OpenApiDocument.PATH)) {
            System.out.println("WARNING: the server does not route GET " + OpenApiDocument.PATH
                    + " yet (OpenApiDocument is not in Craftmark's routes)");
            return;
        }
        Api.Response served = server.api().get(OpenApiDocument.PATH, null);

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo(OpenApiDocument.CONTENT_TYPE);
        assertThat(served.body()).isEqualTo(text);
    }

    @Test
    void isServedAsYamlFromTheClasspath() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            new OpenApiDocument().mount(router, new Blocking(vertx));
            HttpServer http = vertx.createHttpServer().requestHandler(router).listen(0).await();
            Api api = new Api("http://127.0.0.1:" + http.actualPort());

            Api.Response served = api.get(OpenApiDocument.PATH, null);

            assertThat(served.status()).isEqualTo(200);
            assertThat(served.header("Content-Type")).isEqualTo("application/yaml; charset=utf-8");
            assertThat(served.body()).isEqualTo(text);
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void routesAreListedAsMethodAndPathWithOpenApiParameters() {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            io.vertx.core.Handler<RoutingContext> nothing = RoutingContext::next;
            router.route().handler(nothing);
            router.route("/api/*").handler(nothing);
            router.get("/health").handler(nothing);
            router.get("/api/v1/contests/:id").handler(nothing);
            router.post("/api/v1/contests/:id/open").handler(nothing);
            router.post("/api/v1/events/:id/results:import").handler(nothing);
            router.postWithRegex("/api/v1/events/(?<id>[^/]+)/entries:import").handler(nothing);
            router.postWithRegex("/api/v1/marks\\:batch").handler(nothing);
            router.getWithRegex("/api/v1/x/([0-9]+)").handler(nothing);
            router.get("/console").handler(nothing);
            router.get("/console/*").handler(nothing);
            router.get("/assets/*").handler(nothing);
            router.get("/live/:eventId").handler(nothing);
            router.route().failureHandler(ErrorResponses::handle);

            assertThat(ApiVerticle.apiRoutes(router)).containsExactly(
                    "GET /api/v1/contests/{id}",
                    "GET /health",
                    "POST /api/v1/contests/{id}/open",
                    "POST /api/v1/events/{id}/entries:import",
                    "POST /api/v1/events/{id}/results:import",
                    "POST /api/v1/marks:batch");
        } finally {
            vertx.close().await();
        }
    }

    private static Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    routes.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return routes;
    }

    private static Set<String> pathParameters(JsonNode pathItem, JsonNode operation) {
        Set<String> names = new TreeSet<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
                if ("path".equals(resolved.path("in").asText()) && resolved.path("required").asBoolean()) {
                    names.add(resolved.path("name").asText());
                }
            }
        }
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
