package org.craftmark.server.cli;

import org.craftmark.server.config.ServerConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Which database a command works on: {@code --db} (MySQL/MariaDB) or the embedded H2 file in {@code --data-dir}. */
final class DatabaseOptions {
    @Option(names = "--data-dir", description = "Directory of the embedded database (default: ./data, or ./data/demo for demo).")
    Path dataDir;

    @Option(names = "--db", description = "JDBC URL of a MySQL/MariaDB database, e.g. jdbc:mysql://127.0.0.1:3306/craftmark. Default: embedded H2 in the data dir.")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "", description = "Database password.")
    String dbPassword;

    Path dataDirOr(Path defaultDataDir) {
        return dataDir == null ? defaultDataDir : dataDir;
    }

    /** The JDBC URL: {@code --db}, else the embedded H2 file in the data directory. */
    String jdbcUrl(Path defaultDataDir) {
        return dbUrl != null ? dbUrl : ServerConfig.embeddedH2Url(dataDirOr(defaultDataDir));
    }
}
