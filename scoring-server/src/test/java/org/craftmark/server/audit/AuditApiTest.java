package org.craftmark.server.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.server.auth.SignedInUser;
import org.craftmark.server.demo.DemoSeed;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.Backend;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
@DisplayName("Reading and verifying the audit log over HTTP")
class AuditApiTest {
    @Parameter
    Backend backend;
    private static TestServer server;
    private static Api api;
    private static String admin;
    private static SignedInUser adminUser;

    @BeforeParameterizedClassInvocation
    static void start(Backend backend) {
        server = TestServer.start(backend);
        api = server.api();
        new DemoSeed(server.app().services(), Clock.systemUTC()).seed();
        admin = api.token("admin", TestServer.ADMIN_PASSWORD);
        adminUser = server.app().services().auth().authenticate("Bearer " + admin);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anEntryIsListedWithEveryFieldOfTheContract() {
        record(7001L, "contest.publish", "contest:7001", new JsonObject().put("noticeDays", 5).put("total", new BigDecimal("87.50")));

        JsonObject item = items("/api/v1/audit?contestId=7001").getJsonObject(0);

        assertThat(item.fieldNames()).contains("seq", "at", "actor", "action", "subject", "data", "prevHash", "hash");
        assertThat(item.getLong("seq")).isPositive();
        assertThat(Instant.parse(item.getString("at"))).isEqualTo(Instant.parse(TestServer.START));
        assertThat(item.getString("at")).endsWith("Z");
        assertThat(item.getString("actor")).isEqualTo("admin");
        assertThat(item.getString("action")).isEqualTo("contest.publish");
        assertThat(item.getString("subject")).isEqualTo("contest:7001");
        assertThat(item.getLong("contestId")).isEqualTo(7001L);
        assertThat(item.getJsonObject("data").getInteger("noticeDays")).isEqualTo(5);
        assertThat(new BigDecimal(item.getJsonObject("data").getNumber("total").toString())).isEqualByComparingTo("87.5");
        assertThat(item.getString("prevHash")).hasSize(64);
        assertThat(item.getString("hash")).hasSize(64).isNotEqualTo(item.getString("prevHash"));
    }

    @Test
    void theContestFilterListsOnlyThatContestsEntriesInSeqOrder() {
        record(7002L, "event.lock", "event:1", null);
        record(7003L, "event.lock", "event:2", null);
        record(null, "user.create", "user:9", null);
        record(7002L, "event.unlock", "event:1", null);

        JsonArray items = items("/api/v1/audit?contestId=7002");

        assertThat(items.stream().map(i -> ((JsonObject) i).getString("action"))).containsExactly("event.lock", "event.unlock");
        assertThat(items.getJsonObject(0).getLong("seq")).isLessThan(items.getJsonObject(1).getLong("seq"));
        assertThat(items("/api/v1/audit?contestId=999999")).isEmpty();
    }

    @Test
    void withoutAFilterEveryEntryIsListed() {
        record(null, "user.create", "user:10", null);

        JsonArray items = items("/api/v1/audit");

        assertThat(items.size()).isEqualTo(verify().getInteger("entries"));
        assertThat(items.getJsonObject(0).getLong("seq")).isEqualTo(1L);
        assertThat(items.getJsonObject(0).getString("prevHash")).isEqualTo("0".repeat(64));
    }

    @Test
    void pagesFollowEachOtherByAfterSeq() {
        for (int i = 1; i <= 3; i++) {
            record(7004L, "mark.submit", "entry:" + i, null);
        }

        JsonObject first = get("/api/v1/audit?contestId=7004&limit=2");
        assertThat(first.getJsonArray("items")).hasSize(2);
        long next = first.getLong("nextAfterSeq");
        JsonObject second = get("/api/v1/audit?contestId=7004&limit=2&afterSeq=" + next);

        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("subject")).isEqualTo("entry:3");
        assertThat(second.containsKey("nextAfterSeq")).isFalse();
    }

    @Test
    void verifyAnswersOkAndTheNumberOfEntries() {
        record(7005L, "contest.finalize", "contest:7005", null);

        JsonObject result = verify();

        assertThat(result.getBoolean("ok")).isTrue();
        assertThat(result.getLong("entries")).isEqualTo(server.app().database().stores().audit().head().seq());
        assertThat(result.containsKey("firstBroken")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/audit", "/api/v1/audit/verify"})
    void withoutAValidTokenBothEndpointsAre401(String path) {
        for (String token : new String[]{null, "forged-token"}) {
            Api.Response refused = api.get(path, token);
            assertThat(refused.status()).as(path + " with " + token).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/audit", "/api/v1/audit/verify"})
    void everyRoleButAdminIs403(String path) {
        for (String username : List.of("beijing", "hr-beijing", "judge1")) {
            Api.Response refused = api.get(path, api.token(username, DemoSeed.DEMO_PASSWORD));
            assertThat(refused.status()).as(path + " as " + username).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "contestId, abc",
            "contestId, 0",
            "contestId, -3",
            "contestId, 1.5",
            "contestId, 99999999999999999999",
            "afterSeq, -1",
            "afterSeq, x",
            "limit, 0",
            "limit, 1001"})
    void aBadQueryParameterIs400NamingIt(String name, String value) {
        Api.Response refused = api.get("/api/v1/audit?" + name + "=" + value, admin);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field")).isEqualTo(name);
    }

    private static void record(Long contestId, String action, String subject, JsonObject data) {
        AuditLog auditLog = server.app().services().auditLog();
        server.app().database().transaction(tx -> {
            auditLog.record(tx, adminUser, action, subject, contestId, data);
            return null;
        });
    }

    private static JsonObject get(String path) {
        Api.Response response = api.get(path, admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonArray items(String path) {
        return get(path).getJsonArray("items");
    }

    private static JsonObject verify() {
        return get("/api/v1/audit/verify");
    }
}
