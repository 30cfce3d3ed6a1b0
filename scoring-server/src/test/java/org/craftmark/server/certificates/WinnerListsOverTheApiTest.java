package org.craftmark.server.certificates;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.TestVertx;
import org.craftmark.server.testing.SeasonOverHttp;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;

/** HR winner lists through the API: scoped to the bureau's region, three formats with the same rows, every pull audited. */
@DisplayName("HR winner lists over the API")
class WinnerListsOverTheApiTest extends OnEveryBackend {
    private static final AtomicInteger SALT = new AtomicInteger(50);
    private static SeasonOverHttp season;
    private static Winners2026 winners;
    private static String hrTongzhou;

    @BeforeParameterizedClassInvocation
    static void season() {
        season = new SeasonOverHttp(server, TestVertx.shared());
        winners = Winners2026.create(season, SALT.incrementAndGet());
        ok(201, season.post("/api/v1/users", new JsonObject().put("username", "win-hr-tz").put("password", "hr-pass-1")
                .put("role", "HR").put("displayName", "通州区人社局").put("regionCode", "110112")));
        hrTongzhou = api.token("win-hr-tz", "hr-pass-1");
    }

    private static List<JsonObject> json(String query, String token) {
        Api.Response response = api.get("/api/v1/winners" + query, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    @Test
    @DisplayName("an HR user of 通州区 gets 通州's winners and none of 朝阳's; ADMIN gets both; an organizer gets 403")
    void hrSeesItsRegionOnly() {
        List<JsonObject> tongzhou = json("", hrTongzhou);

        assertThat(tongzhou).isNotEmpty().allSatisfy(row -> assertThat(row.getString("regionCode")).isEqualTo("110112"));
        assertThat(tongzhou).extracting(r -> r.getLong("contestId")).containsOnly(winners.tongzhou);
        assertThat(tongzhou.getFirst().getString("idNumber")).as("HR sees ID numbers").hasSize(18);
        assertThat(json("?regionCode=110105", hrTongzhou)).as("asking for 朝阳 gives nothing").isEmpty();
        assertThat(json("?year=2026", season.admin())).extracting(r -> r.getLong("contestId")).contains(winners.tongzhou, winners.chaoyang);
        assertThat(json("?year=2025", season.admin())).isEmpty();
        assertThat(json("?tier=CITY", season.admin())).isEmpty();
        assertThat(json("?occupationCode=6-18-01-01&tier=DISTRICT", season.admin())).isNotEmpty();
        ok(201, season.post("/api/v1/users", new JsonObject().put("username", "win-org-" + backend).put("password", "org-pass-1")
                .put("role", "ORGANIZER").put("displayName", "组委会").put("regionCode", "110112")));
        assertThat(api.get("/api/v1/winners", api.token("win-org-" + backend, "org-pass-1")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/winners?format=pdf&year=20x", hrTongzhou).json().getJsonObject("error").getJsonArray("details"))
                .hasSize(2);
    }

    @Test
    @DisplayName("JSON, CSV (BOM, RFC 4180, the JSON keys) and XLSX carry the same rows, Chinese intact")
    void threeFormatsOneList() throws Exception {
        List<JsonObject> rows = json("", hrTongzhou);
        Api.Bytes csv = api.getBytes("/api/v1/winners?format=csv", hrTongzhou);
        Api.Bytes xlsx = api.getBytes("/api/v1/winners?format=xlsx", hrTongzhou);

        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("winners.csv");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
        assertThat(records).hasSize(rows.size());
        assertThat(records.getFirst().toMap().keySet()).containsAll(rows.getFirst().fieldNames());
        assertThat(records.getFirst().get("name")).isEqualTo(rows.getFirst().getString("name"));
        assertThat(records.getFirst().get("contest")).contains("通州区");

        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> sheet = book.getFirstSheet().read();
            assertThat(sheet).hasSize(rows.size() + 1);
            assertThat(sheet.get(1).getCellText(0)).isEqualTo(rows.getFirst().getString("name"));
        }
    }

    @Test
    @DisplayName("every pull is audited with who, which filters and how many rows")
    void pullsAreAudited() {
        int rows = json("?year=2026&tier=DISTRICT", hrTongzhou).size();

        JsonArray audit = season.get("/api/v1/audit").getJsonArray("items");
        JsonObject pull = audit.stream().map(JsonObject.class::cast).filter(e -> e.getString("action").equals("winners.pull"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(pull.getString("actor")).isEqualTo("win-hr-tz");
        assertThat(pull.getJsonObject("data").getInteger("year")).isEqualTo(2026);
        assertThat(pull.getJsonObject("data").getString("tier")).isEqualTo("DISTRICT");
        assertThat(pull.getJsonObject("data").getLong("rows")).isEqualTo(rows);
        assertThat(pull.getJsonObject("data").encode()).doesNotContain(Winners2026.ZHANG_WEI);
    }
}
