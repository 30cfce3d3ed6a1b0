package org.craftmark.server.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import net.logstash.logback.encoder.LogstashEncoder;
import org.craftmark.server.demo.DemoSeed;
import org.craftmark.server.demo.DemoSimulation;
import org.craftmark.server.testing.Api;
import org.craftmark.server.testing.OnH2;
import org.craftmark.server.testing.Season;
import org.craftmark.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole season at INFO — the simulated demo plus the requests that carry ID numbers (person
 * history, registrations refused as duplicates, reveals) — logs no resident ID number anywhere:
 * not in messages, structured fields, paths nor error details.
 */
@DisplayName("The logs of a season")
class NoIdNumbersInLogsTest extends OnH2 {
    /** 17 digits and a check character, not inside a longer run of digits. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");
    private static final String PERSON = Season.idNumber(8801);

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> levelsBefore = new java.util.HashMap<>();

    @BeforeEach
    void captureEverythingAtInfo() {
        captured.setContext(logging);
        captured.start();
        for (String name : List.of(Logger.ROOT_LOGGER_NAME, "org.craftmark", "craftmark.http")) {
            Logger logger = logging.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.INFO);
        }
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
    }

    @AfterEach
    void restoreLevels() {
        logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        levelsBefore.forEach((name, level) -> logging.getLogger(name).setLevel(level));
    }

    @Test
    void noIdNumberIsEverWrittenToTheLog() {
        new DemoSeed(server.app().services(), Clock.systemUTC(), new DemoSeed.FieldSize(4, 5)).seed();
        DemoSimulation demo = new DemoSimulation(server.app().services(), server.app().database(), DemoSeed.PANEL);
        while (demo.step()) {
            // the demo's own steps: marks, locks, publication, finalization, advancement
        }
        requestsThatCarryIdNumbers();

        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(logging);
        encoder.start();
        List<String> lines = captured.list.stream().map(e -> new String(encoder.encode(e), StandardCharsets.UTF_8)).toList();
        assertThat(lines).as("the season and the requests were logged").anyMatch(line -> line.contains("advanced to"))
                .anyMatch(line -> line.contains("/api/v1/persons/"));
        assertThat(lines).noneMatch(line -> ID_NUMBER.matcher(line).find());
    }

    private static void requestsThatCarryIdNumbers() {
        String admin = server.api().token("admin", TestServer.ADMIN_PASSWORD);
        long contest = season.contest("2026 日志检查赛", "DISTRICT", "110112", null, 0);
        long event = season.event(contest, "6-18-01-01", "车工", 3, null);
        season.move(contest, "open");
        long entry = season.enter(event, "L01", "张伟", PERSON, "北京现代");
        Api api = server.api();
        api.post("/api/v1/events/" + event + "/entries", Season.individualEntry("L02", Season.competitor("张伟", PERSON, "北京现代")), admin);
        api.post("/api/v1/entries/" + entry + "/reveal-id", new JsonObject().put("reason", "核对"), admin);
        api.get("/api/v1/persons/" + PERSON + "/history", admin);
        api.get("/api/v1/persons/" + PERSON.substring(0, 17) + "0/history", admin);
        api.get("/api/v1/persons/" + Season.idNumber(8802) + "/history", admin);
    }
}
