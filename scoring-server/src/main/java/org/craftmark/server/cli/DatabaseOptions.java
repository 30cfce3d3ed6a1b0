package org.craftmark.server.cli;

import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.privacy.IdNumberKeys;
import org.craftmark.server.store.Database;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

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

    @Option(names = "--id-key", defaultValue = "${env:CRAFTMARK_ID_KEY}",
            description = "Base64 32-byte key ID numbers are encrypted with at rest (default: env CRAFTMARK_ID_KEY, else a key file created in the data dir). Keep it apart from database backups.")
    String idKey;

    Path dataDirOr(Path defaultDataDir) {
        return dataDir == null ? defaultDataDir : dataDir;
    }

    /** Opens (and migrates) the database with the ID-number key a server with these options would use. */
    Database open(Path defaultDataDir, int poolSize) {
        ServerConfig config = new ServerConfig(0, dataDirOr(defaultDataDir), Optional.ofNullable(dbUrl), dbUser, dbPassword,
                Optional.empty(), null, null, Optional.ofNullable(idKey));
        return Database.open(config.jdbcUrl(), dbUser, dbPassword, poolSize, null, IdNumberKeys.vaultFor(config));
    }

    /** The JDBC URL: {@code --db}, else the embedded H2 file in the data directory. */
    String jdbcUrl(Path defaultDataDir) {
        return dbUrl != null ? dbUrl : ServerConfig.embeddedH2Url(dataDirOr(defaultDataDir));
    }
}
