package org.craftmark.server.cli;

import org.craftmark.server.config.ServerConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** serve, backup and restore read the same database options. */
@DisplayName("The commands' database options")
class CommandOptionsTest {

    @Test
    void serveReadsTheDatabaseOptionsIntoItsConfig() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "9090", "--db", "jdbc:mysql://db:3306/c", "--db-user", "u", "--db-password", "p");
        ServerConfig config = serve.options.toConfig(Path.of("data"), Optional.empty());
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:mysql://db:3306/c");
        assertThat(config.dbUser()).isEqualTo("u");
        assertThat(config.dbPassword()).isEqualTo("p");
    }

    @Test
    void backupWithoutADatabaseUsesTheEmbeddedFileInTheDataDir() {
        BackupCommand backup = new BackupCommand();
        new CommandLine(backup).parseArgs("--contest", "12", "--out", "c.gz", "--data-dir", "venue");
        assertThat(backup.contestId).isEqualTo(12);
        assertThat(backup.database.jdbcUrl(Path.of("data"))).isEqualTo(ServerConfig.embeddedH2Url(Path.of("venue")));
    }

    @Test
    void restoreNeedsItsFile() {
        assertThat(new CommandLine(new Main()).setErr(new java.io.PrintWriter(java.io.Writer.nullWriter())).execute("restore"))
                .isEqualTo(2);
    }
}
