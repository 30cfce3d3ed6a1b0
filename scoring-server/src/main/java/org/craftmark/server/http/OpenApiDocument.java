package org.craftmark.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.yaml}: the OpenAPI 3.1 document of the whole HTTP API, read once from
 * the classpath ({@value #RESOURCE}) and served as it is. {@code OpenApiDocumentTest} keeps it true
 * to the router.
 */
public final class OpenApiDocument implements Routes {
    public static final String PATH = "/api/v1/openapi.yaml";
    public static final String RESOURCE = "openapi/openapi.yaml";
    public static final String CONTENT_TYPE = "application/yaml; charset=utf-8";

    private final Buffer document;

    public OpenApiDocument() {
        this.document = Buffer.buffer(read(RESOURCE));
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-cache")
                .end(document);
    }

    private static byte[] read(String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the OpenAPI document " + resource, e);
        }
    }
}
