package org.craftmark.server.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the API, as an integrating system would use it. */
public final class Api {
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status, headers and the body (as JSON when it is JSON). */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public String errorCode() {
            return json().getJsonObject("error").getString("code");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, JsonObject body, String token) {
        return postRaw(path, body.encode(), "application/json", token);
    }

    public Response put(String path, JsonObject body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)));
    }

    public Response patch(String path, JsonObject body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response postRaw(String path, String body, String contentType, String token) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A binary download (PDF, ZIP, XLSX): status, bytes and headers. */
    public record Bytes(int status, byte[] body, HttpResponse<byte[]> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Bytes getBytes(String path, String token) {
        try {
            HttpResponse<byte[]> response = http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Response login(String username, String password) {
        return post("/api/v1/auth/login", new JsonObject().put("username", username).put("password", password), null);
    }

    /** Signs in and answers the bearer token; fails the test when sign-in fails. */
    public String token(String username, String password) {
        Response response = login(username, password);
        if (response.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + response.status() + " " + response.body());
        }
        return response.json().getString("token");
    }

    private HttpRequest.Builder request(String path, String token) {
        // Generous: on a loaded 2-core machine a 5,000-row import can take longer than 30 s. Not a timing
        // check, only a bound on a hung request.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
