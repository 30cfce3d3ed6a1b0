package org.craftmark.server.certificates;

import org.craftmark.server.testing.OnH2;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.PdfZip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A contest's certificates as one ZIP of PDFs, streamed, with its progress readable by the one who asked for it. */
@DisplayName("A contest's certificates as a ZIP")
class CertificateZipOverTheApiTest extends OnH2 {
    private static Winners2026 winners;

    @BeforeAll
    static void start() {
        winners = Winners2026.create(season, 90);
    }

    @Test
    void theZipHoldsEveryCertificateAndItsProgressEndsComplete() {
        String token = UUID.randomUUID().toString();
        List<String> numbers = season.get("/api/v1/contests/" + winners.tongzhou + "/certificates").getJsonArray("items").stream()
                .map(c -> ((JsonObject) c).getString("certificateNo")).toList();

        Api.Bytes zip = server.api().getBytes("/api/v1/contests/" + winners.tongzhou + "/certificates.zip?progress=" + token, season.admin());

        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
        List<String> entries = PdfZip.names(zip.body());
        assertThat(entries).containsExactlyElementsOf(numbers.stream().map(n -> n + ".pdf").toList()).isNotEmpty();
        JsonObject progress = season.get("/api/v1/downloads/" + token);
        assertThat(progress.getInteger("done")).isEqualTo(numbers.size());
        assertThat(progress.getInteger("total")).isEqualTo(numbers.size());
        assertThat(progress.getBoolean("finished")).isTrue();
        assertThat(progress.getBoolean("complete")).isTrue();
    }

    @Test
    void progressIsTheOwnersAndTokensAreUuids() {
        String token = UUID.randomUUID().toString();
        server.api().getBytes("/api/v1/contests/" + winners.tongzhou + "/certificates.zip?progress=" + token, season.admin());
        season.post("/api/v1/users", new JsonObject().put("username", "zip-org").put("password", "org-pass-1").put("role", "ORGANIZER")
                .put("displayName", "通州").put("regionCode", "110112"));
        String other = server.api().token("zip-org", "org-pass-1");

        assertThat(server.api().get("/api/v1/downloads/" + token, other).status()).isEqualTo(404);
        assertThat(server.api().getBytes("/api/v1/contests/" + winners.tongzhou + "/certificates.zip?progress=x", other).status()).isEqualTo(400);
        assertThat(server.api().getBytes("/api/v1/contests/" + winners.chaoyang + "/certificates.zip", other).status()).isEqualTo(403);
    }
}
