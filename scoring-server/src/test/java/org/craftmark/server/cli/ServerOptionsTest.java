package org.craftmark.server.cli;

import org.craftmark.server.config.ServerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Security options on the command line")
class ServerOptionsTest {

    private static ServerConfig parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.options.toConfig(Path.of("data"), Optional.empty());
    }

    @Test
    @DisplayName("by default a sign-in lasts 12 hours and no other origin may open the WebSockets")
    void defaults() {
        assertThat(parse().security()).isEqualTo(ServerConfig.SecuritySettings.DEFAULT);
    }

    @Test
    @DisplayName("--session-hours and a comma-separated --allowed-origins are read (a trailing slash dropped)")
    void givenOptions() {
        ServerConfig config = parse("--session-hours", "3", "--allowed-origins", "https://screens.example.org/,http://hall.local:8080");
        assertThat(config.security().tokenLifetime()).isEqualTo(Duration.ofHours(3));
        assertThat(config.security().allowedOrigins()).isEqualTo(List.of("https://screens.example.org", "http://hall.local:8080"));
    }
}
