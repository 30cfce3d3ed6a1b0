package org.craftmark.server.certificates;

import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestVertx;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;

/** Certificates through the API: the JSON, the PDF (Chinese text and the QR code), revocation, verification. */
@DisplayName("Certificates over the API")
class CertificatesOverTheApiTest extends OnEveryBackend {
    private static final AtomicInteger SALT = new AtomicInteger();
    private static SeasonOverHttp season;
    private static Winners2026 winners;

    @BeforeParameterizedClassInvocation
    static void season() {
        season = new SeasonOverHttp(server, TestVertx.shared());
        winners = Winners2026.create(season, SALT.incrementAndGet());
        ok(201, season.post("/api/v1/users", new JsonObject().put("username", "cert-hr-tz").put("password", "hr-pass-1")
                .put("role", "HR").put("displayName", "通州区人社局").put("regionCode", "110112")));
        ok(201, season.post("/api/v1/users", new JsonObject().put("username", "cert-hr-cy").put("password", "hr-pass-1")
                .put("role", "HR").put("displayName", "朝阳区人社局").put("regionCode", "110105")));
    }

    @Test
    @DisplayName("the PDF shows 张伟, 车工 and the number, and its QR code is the configured public verify URL")
    void thePdfReadsBack() throws Exception {
        String no = winners.zhangWeiCertificate;
        Api.Bytes pdf = api.getBytes("/api/v1/certificates/" + no + "/pdf", season.admin());

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("张伟", "车工", no, "三级/高级工").doesNotContain(Winners2026.ZHANG_WEI);
        }
        assertThat(QrReader.decode(pdf.body(), 150)).isEqualTo(TestServer.PUBLIC_URL + "/verify/" + no);
    }

    @Test
    @DisplayName("the certificate JSON is for organizers and HR of the region; verification is public and never shows an ID number")
    void readersAndVerification() {
        String no = winners.zhangWeiCertificate;
        JsonObject certificate = season.get("/api/v1/certificates/" + no);
        assertThat(certificate.getString("idNumber")).isEqualTo(Winners2026.ZHANG_WEI);
        assertThat(certificate.getString("levelName")).isEqualTo("三级/高级工");
        assertThat(certificate.getString("verifyUrl")).isEqualTo(TestServer.PUBLIC_URL + "/verify/" + no);
        assertThat(api.get("/api/v1/certificates/" + no, api.token("cert-hr-tz", "hr-pass-1")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/certificates/" + no, api.token("cert-hr-cy", "hr-pass-1")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/certificates/" + no, null).status()).isEqualTo(401);

        Api.Response verified = api.get("/api/v1/verify/" + no, null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().getString("holder")).isEqualTo("张*");
        assertThat(verified.json().getString("status")).isEqualTo("VALID");
        assertThat(verified.json().getBoolean("valid")).isTrue();
        assertThat(verified.json().getString("occupation")).isEqualTo("车工");
        assertThat(verified.body()).doesNotContain(Winners2026.ZHANG_WEI).doesNotContain("idNumber").doesNotContain("张伟");

        assertThat(api.get("/api/v1/verify/S123", null).errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/verify/" + no.substring(0, 16) + "999999", null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/certificates/not-a-number", season.admin()).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("a revoked certificate says REVOKED on verify, in its JSON and on the HR list; only ADMIN revokes, with a reason")
    void revocation() {
        JsonObject items = season.get("/api/v1/contests/" + winners.chaoyang + "/entitlements");
        String no = items.getJsonArray("items").getJsonObject(1).getString("certificateNo");
        String path = "/api/v1/certificates/" + no + "/revoke";
        String organizer = api.token("admin", TestServer.ADMIN_PASSWORD);

        assertThat(api.post(path, new JsonObject(), organizer).errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post(path, new JsonObject().put("reason", "x"), api.token("cert-hr-cy", "hr-pass-1")).status()).isEqualTo(403);
        JsonObject revoked = ok(200, api.post(path, new JsonObject().put("reason", "成绩作假，经查实撤销"), organizer));
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(ok(200, api.post(path, new JsonObject().put("reason", "again"), organizer)).getString("revokeReason"))
                .as("revoking again changes nothing").isEqualTo("成绩作假，经查实撤销");

        JsonObject verified = api.get("/api/v1/verify/" + no, null).json();
        assertThat(verified.getString("status")).isEqualTo("REVOKED");
        assertThat(verified.getBoolean("valid")).isFalse();
        JsonObject row = api.get("/api/v1/winners?year=2026", season.admin()).json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(i -> no.equals(i.getString("certificateNo"))).findFirst().orElseThrow();
        assertThat(row.getString("status")).isEqualTo("REVOKED");
        assertThat(season.get("/api/v1/audit?contestId=" + winners.chaoyang).getJsonArray("items").stream()
                .map(e -> ((JsonObject) e).getString("action"))).contains("certificate.revoke");
    }
}
