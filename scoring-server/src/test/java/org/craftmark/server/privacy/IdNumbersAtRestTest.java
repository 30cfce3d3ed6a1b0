package org.craftmark.server.privacy;

import io.vertx.core.json.JsonObject;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.testing.OnEveryBackend;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.SeasonOverHttp;
import org.craftmark.server.testing.TestVertx;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftmark.server.testing.SeasonOverHttp.ok;

/** A stolen database dump shows no ID number: the persons table holds ciphertext and a keyed hash only. */
@DisplayName("ID numbers at rest")
class IdNumbersAtRestTest extends OnEveryBackend {
    private static final String ID = Season.idNumber(7301);

    @Test
    void theDatabaseHoldsNoIdNumberYetPeopleAreFoundAndShownByIt() throws SQLException {
        SeasonOverHttp season = new SeasonOverHttp(server, TestVertx.shared());
        season.regions();
        long contest = season.contest("2026 通州区职业技能大赛 " + backend, "DISTRICT", "110112", null, 0);
        long event = season.event(contest, "6-18-01-01", "车工", 3, null);
        season.move(contest, "open");
        long entry = season.enter(event, "R01", "张伟", ID, "北京现代");

        List<String> stored = everyPersonsValue();
        assertThat(stored).isNotEmpty().noneMatch(value -> value.contains(ID) || value.contains(ID.substring(6, 14)));

        JsonObject revealed = ok(200, season.post("/api/v1/entries/" + entry + "/reveal-id",
                new JsonObject().put("reason", "核对证书信息")));
        assertThat(revealed.encode()).contains(ID);
        JsonObject history = season.get("/api/v1/persons/" + ID + "/history");
        assertThat(history.encode()).contains("R01");
        var again = season.post("/api/v1/events/" + event + "/entries", Season.individualEntry("R02",
                Season.competitor("张伟", ID, "北京现代")));
        assertThat(again.status()).as("one person enters an event once: " + again.body()).isEqualTo(409);
    }

    /** Every value of every column of {@code persons}, as text, read straight from the database. */
    private static List<String> everyPersonsValue() throws SQLException {
        ServerConfig config = server.config();
        try (Connection connection = DriverManager.getConnection(config.jdbcUrl(), config.dbUser(), config.dbPassword())) {
            DSLContext dsl = DSL.using(connection);
            return dsl.selectFrom(DSL.table(DSL.name("persons"))).fetch().stream()
                    .flatMap((Record r) -> java.util.Arrays.stream(r.intoArray()))
                    .map(String::valueOf)
                    .toList();
        }
    }
}
