package org.craftmark.server.fuzz;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.OnMariaDb;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The inputs {@link HostileInputProperties} once found answered wrongly, kept as plain cases. */
@DisplayName("Inputs the fuzzer found")
class WhatTheFuzzerFoundTest extends OnMariaDb {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aGetClaimingAMultipartBodyIsMalformedNotAServerError() throws Exception {
        HttpResponse<String> answer = send(request("/api/v1/contests").header("Content-Type", "multipart/form-data; boundary=x")
                .method("GET", HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(code(answer)).isEqualTo("MALFORMED");
    }

    @Test
    void aRequestLineOverTheLimitGetsTheErrorShape() throws Exception {
        HttpResponse<String> answer = send(request("/api/v1/contests?q=" + "x".repeat(5000)).GET());

        assertThat(answer.statusCode()).isEqualTo(414);
        assertThat(code(answer)).isEqualTo("TOO_LARGE");
    }

    @Test
    void invalidUtf8InAJsonBodyIsMalformed() throws Exception {
        byte[] body = {'{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        HttpResponse<String> answer = send(request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(code(answer)).isEqualTo("MALFORMED");
    }

    @Test
    void anEmptyCsvImportIsMalformed() throws Exception {
        HttpResponse<String> answer = send(request("/api/v1/events/1/entries:import").header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + season.admin()).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(code(answer)).isEqualTo("MALFORMED");
    }

    @Test
    void aUserPatchWithOnlyUnknownFieldsIsRefusedAndNotAudited() {
        long judge = season.judge("fuzz-found-judge");
        int audited = season.get("/api/v1/audit/verify").getInteger("entries");

        var answer = server.api().patch("/api/v1/users/" + judge, new JsonObject().put("displayname", "typo"), season.admin());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(season.get("/api/v1/audit/verify").getInteger("entries")).isEqualTo(audited);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.api().baseUrl() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String code(HttpResponse<String> answer) {
        return new JsonObject(answer.body()).getJsonObject("error").getString("code");
    }
}
