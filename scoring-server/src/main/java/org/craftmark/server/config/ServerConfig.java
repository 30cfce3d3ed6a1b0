package org.craftmark.server.config;

import org.craftmark.server.store.DatabaseTimeouts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything a running server is configured with. Built by the command line, or by tests.
 *
 * @param port          HTTP port; 0 picks a free one (tests)
 * @param dataDir       where the embedded database lives when {@code dbUrl} is empty
 * @param dbUrl         a {@code jdbc:mysql://…} (or {@code jdbc:h2:…}) URL, or empty for the embedded H2 file
 * @param adminPassword creates or updates the user {@code admin} when present
 * @param baseUrl       the public address printed in logs and on certificates' QR codes ({@code --public-url});
 *                      configured, never guessed from a request's Host header
 * @param certificates  who issues the skill-level certificates
 * @param idKey         the Base64 32-byte key ID numbers are encrypted with ({@code --id-key}); when empty, a key
 *                      file in {@code dataDir} is used, created on first start
 * @param security      how long sign-ins last, and which other web origins may open the WebSockets
 * @param cluster       the other nodes this one shares live boards with ({@link ClusterSettings#OFF}: none)
 * @param dbTimeouts    how long any wait on the database may last before the request is answered 503
 *                      ({@link DatabaseTimeouts#DEFAULT} unless a test or operator needs others)
 * @param live          how many live screens this node holds open, and how fast one address may open them
 */
public record ServerConfig(
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        Optional<String> adminPassword,
        String baseUrl,
        CertificateSettings certificates,
        Optional<String> idKey,
        SecuritySettings security,
        ClusterSettings cluster,
        DatabaseTimeouts dbTimeouts,
        LiveSettings live) {

    /** With the default live screen limits. */
    public ServerConfig(int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                        Optional<String> adminPassword, String baseUrl, CertificateSettings certificates, Optional<String> idKey,
                        SecuritySettings security, ClusterSettings cluster, DatabaseTimeouts dbTimeouts) {
        this(port, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, certificates, idKey, security, cluster, dbTimeouts,
                LiveSettings.DEFAULT);
    }

    /** With the default database timeouts. */
    public ServerConfig(int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                        Optional<String> adminPassword, String baseUrl, CertificateSettings certificates, Optional<String> idKey,
                        SecuritySettings security, ClusterSettings cluster) {
        this(port, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, certificates, idKey, security, cluster,
                DatabaseTimeouts.DEFAULT);
    }

    /**
     * @param tokenLifetime  how long a bearer token lasts after sign-in ({@code --session-hours})
     * @param allowedOrigins web origins besides the server's own whose pages may open the WebSockets
     *                       ({@code --allowed-origins}, e.g. {@code https://screens.example.org})
     */
    public record SecuritySettings(Duration tokenLifetime, List<String> allowedOrigins) {
        public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(12);
        public static final SecuritySettings DEFAULT = new SecuritySettings(DEFAULT_TOKEN_LIFETIME, List.of());

        public SecuritySettings {
            if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.toDays() > 30) {
                throw new IllegalArgumentException("a session lasts more than 0 and at most 30 days, not " + tokenLifetime);
            }
            allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().map(o -> o.strip().replaceAll("/+$", "")).toList();
            allowedOrigins.stream().filter(o -> !o.matches("https?://[^/\\s]+")).findFirst().ifPresent(o -> {
                throw new IllegalArgumentException("an allowed origin is scheme://host[:port], not " + o);
            });
        }
    }

    /**
     * The issuing side of certificates: the evaluation organization's 4-digit code (the number's
     * characters 2–5) and its name as printed.
     */
    public record CertificateSettings(String evaluationOrgCode, String issuer) {
        public CertificateSettings {
            if (evaluationOrgCode == null || !evaluationOrgCode.matches("[0-9]{4}")) {
                throw new IllegalArgumentException("the evaluation organization code must be 4 digits, not " + evaluationOrgCode);
            }
            if (issuer == null || issuer.isBlank() || issuer.length() > 100) {
                throw new IllegalArgumentException("the certificate issuer must be 1–100 characters");
            }
        }

        public static final CertificateSettings DEFAULT = new CertificateSettings("0001", "Craftmark 职业技能等级评价机构");
    }

    /** A server whose ID-number key lives in its data directory, with the default sessions and origins. */
    public ServerConfig(int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                        Optional<String> adminPassword, String baseUrl, CertificateSettings certificates) {
        this(port, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, certificates, Optional.empty());
    }

    /** A server with the default certificate issuer. */
    public ServerConfig(int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                        Optional<String> adminPassword, String baseUrl) {
        this(port, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, CertificateSettings.DEFAULT);
    }

    /** A server with the default sessions and no other allowed origins. */
    public ServerConfig(int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                        Optional<String> adminPassword, String baseUrl, CertificateSettings certificates, Optional<String> idKey) {
        this(port, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, certificates, idKey, SecuritySettings.DEFAULT);
    }

    /** A single node (no cluster). */
    public ServerConfig(int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                        Optional<String> adminPassword, String baseUrl, CertificateSettings certificates, Optional<String> idKey,
                        SecuritySettings security) {
        this(port, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, certificates, idKey, security, ClusterSettings.OFF);
    }

    /** A node of a cluster, with the default sessions and no other allowed origins. */
    public ServerConfig(int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                        Optional<String> adminPassword, String baseUrl, CertificateSettings certificates, Optional<String> idKey,
                        ClusterSettings cluster) {
        this(port, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, certificates, idKey, SecuritySettings.DEFAULT, cluster);
    }

    /** The same server on another port (a test's restart on the port it was given). */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, certificates, idKey, security, cluster,
                dbTimeouts, live);
    }

    /** The same server with other database timeouts (a test that stalls the database waits less). */
    public ServerConfig withDbTimeouts(DatabaseTimeouts timeouts) {
        return new ServerConfig(port, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, certificates, idKey, security, cluster,
                timeouts, live);
    }

    /** The same server with other live screen limits (a test that fills a small cap). */
    public ServerConfig withLive(LiveSettings settings) {
        return new ServerConfig(port, dataDir, dbUrl, dbUser, dbPassword, adminPassword, baseUrl, certificates, idKey, security, cluster,
                dbTimeouts, settings);
    }

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_DB_POOL_SIZE = 16;

    public ServerConfig {
        dbUser = dbUser == null ? "" : dbUser;
        dbPassword = dbPassword == null ? "" : dbPassword;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl.replaceAll("/+$", "");
        certificates = certificates == null ? CertificateSettings.DEFAULT : certificates;
        idKey = idKey == null ? Optional.empty() : idKey.filter(k -> !k.isBlank());
        security = security == null ? SecuritySettings.DEFAULT : security;
        cluster = cluster == null ? ClusterSettings.OFF : cluster;
        dbTimeouts = dbTimeouts == null ? DatabaseTimeouts.DEFAULT : dbTimeouts;
        live = live == null ? LiveSettings.DEFAULT : live;
    }

    /** The JDBC URL actually used: the given one, else an H2 file in the data directory. */
    public String jdbcUrl() {
        return dbUrl.orElseGet(() -> embeddedH2Url(dataDir));
    }

    /**
     * H2 in MySQL mode so one set of migrations serves both. {@code WRITE_DELAY=0} makes every commit
     * reach the file before it returns (H2 otherwise waits up to 500 ms), so an acknowledged mark
     * survives {@code kill -9}.
     */
    public static String embeddedH2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("craftmark")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }
}
