package org.craftmark.server.cli;

import org.craftmark.server.config.LiveSettings;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.store.DatabaseTimeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("serve's database timeouts and live screen limits on the command line")
class ServeLimitOptionsTest {

    private static ServerConfig parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.options.toConfig(Path.of("data"), Optional.empty());
    }

    @Test
    @DisplayName("by default: the built-in timeouts, 20,000 screens, 1,000 opened per address in 10 s")
    void defaults() {
        ServerConfig config = parse();
        assertThat(config.dbTimeouts()).isEqualTo(DatabaseTimeouts.DEFAULT);
        assertThat(config.live()).isEqualTo(new LiveSettings(20_000, 1_000));
    }

    @Test
    @DisplayName("--db-timeouts sets the timeouts named, in any order and unit, and keeps the others")
    void theTimeoutsNamedAreSetAndTheOthersKept() {
        DatabaseTimeouts timeouts = parse("--db-timeouts", "query=40s, socket=2m,validation=500ms").dbTimeouts();
        assertThat(timeouts).isEqualTo(new DatabaseTimeouts(DatabaseTimeouts.DEFAULT.connect(), Duration.ofMinutes(2),
                Duration.ofSeconds(40), DatabaseTimeouts.DEFAULT.acquire(), Duration.ofMillis(500)));
    }

    @Test
    @DisplayName("--max-live-screens and --live-opens-per-address are read; 0 opens per address is no limit")
    void liveScreenLimits() {
        LiveSettings live = parse("--max-live-screens", "5000", "--live-opens-per-address", "0").live();
        assertThat(live.maxScreens()).isEqualTo(5000);
        assertThat(live.limitsAddresses()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--max-live-screens, 0", "--max-live-screens, 2000000", "--max-live-screens, many", "--live-opens-per-address, -1"})
    @DisplayName("a live screen limit out of its range is refused before the server starts, with the range")
    void aLiveScreenLimitOutOfRangeIsRefused(String option, String value) {
        assertThatThrownBy(() -> new CommandLine(new ServeCommand()).parseArgs(option, value))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("Invalid value for option '" + option + "'").hasMessageContaining("is not a whole number from");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "query=fast        | the query timeout 'fast' is not a duration",
            "query=20          | the query timeout '20' is not a duration",
            "query=-5s         | the query timeout '-5s' is not a duration",
            "query=0s          | the query timeout must be positive",
            "query=1500ms      | the query timeout is in whole seconds",
            "query=40s         | the socket timeout must be longer than the query timeout",
            "acquire=100ms     | at least 250 ms",
            "read=5s           | 'read' is not a database timeout",
            "query             | 'query' is not name=duration",
            "query=5s,query=6s | the query timeout is given twice"})
    @DisplayName("a bad --db-timeouts is refused before the server starts, saying what is wrong")
    void aBadTimeoutIsRefusedWithAClearError(String value, String expected) {
        // Parsed only, never executed: a value wrongly accepted must not start a server.
        assertThatThrownBy(() -> new CommandLine(new ServeCommand()).parseArgs("--db-timeouts", value))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("Invalid value for option '--db-timeouts'").hasMessageContaining(expected)
                .hasMessageContaining("names: connect, socket, query, acquire, validation");
    }
}
