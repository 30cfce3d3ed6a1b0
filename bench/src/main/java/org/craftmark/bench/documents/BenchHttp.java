package org.craftmark.bench.documents;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** A signed-in client of one Craftmark server over loopback HTTP, as an organizer's or HR's tool would be. */
final class BenchHttp {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    private BenchHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    static BenchHttp signIn(int port, String username, String password) throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username).put("password", password).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        requireOk(response, "sign-in");
        return new BenchHttp(base, new JsonObject(response.body()).getString("token"));
    }

    String post(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        requireOk(response, "POST " + path);
        return response.body();
    }

    /** Downloads {@code path} whole into {@code file}; returns once the last byte is on disk. */
    void download(String path, Path file) throws IOException, InterruptedException {
        HttpResponse<Path> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
        requireOk(response, "GET " + path);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private static void requireOk(HttpResponse<?> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
