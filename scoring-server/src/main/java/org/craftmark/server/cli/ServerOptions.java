package org.craftmark.server.cli;

import org.craftmark.server.config.ClusterSettings;
import org.craftmark.server.config.ServerConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Options shared by {@code serve} and {@code demo}. */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", description = "Directory of the embedded database (default: ./data, or ./data/demo for demo).")
    Path dataDir;

    @Option(names = "--db", description = "JDBC URL of a MySQL/MariaDB database, e.g. jdbc:mysql://127.0.0.1:3306/craftmark. Default: embedded H2 in the data dir.")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "", description = "Database password.")
    String dbPassword;

    @Option(names = "--admin-password", description = "Creates or resets the user 'admin' (default: env CRAFTMARK_ADMIN_PASSWORD).")
    String adminPassword;

    @Option(names = {"--public-url", "--base-url"},
            description = "Public base URL, printed in links and in certificates' QR codes (<url>/verify/<no>); default: http://localhost:<port>.")
    String baseUrl;

    @Option(names = "--evaluation-org", defaultValue = "0001",
            description = "4-digit code of the evaluation organization in certificate numbers (default: ${DEFAULT-VALUE}).")
    String evaluationOrg;

    @Option(names = "--issuer", defaultValue = "Craftmark 职业技能等级评价机构",
            description = "The issuing organization printed on certificates.")
    String issuer;

    @Option(names = "--session-hours", defaultValue = "12",
            description = "How long a sign-in lasts, in hours (default: ${DEFAULT-VALUE}).")
    int sessionHours;

    @Option(names = "--allowed-origins", split = ",", paramLabel = "ORIGIN",
            description = "Other web origins (scheme://host[:port], comma-separated) whose pages may open the WebSockets; the server's own is always allowed.")
    List<String> allowedOrigins;

    @Option(names = "--cluster", description = "Join the other Craftmark nodes (Hazelcast over TCP/IP, no multicast): "
            + "marks taken on any node reach the live boards of every node. All nodes share one database.")
    boolean cluster;

    @Option(names = "--cluster-host", defaultValue = "127.0.0.1",
            description = "This node's address for cluster traffic (default: ${DEFAULT-VALUE}).")
    String clusterHost;

    @Option(names = "--cluster-port", defaultValue = "5701", description = "This node's cluster port (default: ${DEFAULT-VALUE}).")
    int clusterPort;

    @Option(names = "--cluster-members", split = ",", paramLabel = "HOST:PORT",
            description = "The nodes to join, comma-separated host:port (this one may be listed too); default: this node alone, "
                    + "for the first node of a cluster the others list.")
    List<String> clusterMembers = List.of();

    @Option(names = "--cluster-name", defaultValue = "craftmark",
            description = "Only nodes with the same name join each other (default: ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--id-key", defaultValue = "${env:CRAFTMARK_ID_KEY}",
            description = "Base64 32-byte key ID numbers are encrypted with at rest (default: env CRAFTMARK_ID_KEY, else a key file created in the data dir). Keep it apart from database backups.")
    String idKey;

    ServerConfig toConfig(Path defaultDataDir, Optional<String> defaultAdminPassword) {
        Optional<String> admin = Optional.ofNullable(adminPassword)
                .or(() -> Optional.ofNullable(System.getenv("CRAFTMARK_ADMIN_PASSWORD")).filter(p -> !p.isBlank()))
                .or(() -> defaultAdminPassword);
        return new ServerConfig(port, dataDir == null ? defaultDataDir : dataDir, Optional.ofNullable(dbUrl),
                dbUser, dbPassword, admin, baseUrl, new ServerConfig.CertificateSettings(evaluationOrg, issuer),
                Optional.ofNullable(idKey),
                new ServerConfig.SecuritySettings(Duration.ofHours(sessionHours), allowedOrigins),
                cluster ? new ClusterSettings(true, clusterName, clusterHost, clusterPort, clusterMembers) : ClusterSettings.OFF);
    }
}
