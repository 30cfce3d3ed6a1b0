package org.craftmark.server.cli;

import org.craftmark.server.config.ClusterSettings;
import org.craftmark.server.config.LiveSettings;
import org.craftmark.server.config.ServerConfig;
import org.craftmark.server.store.DatabaseTimeouts;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Options shared by {@code serve} and {@code demo}. */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

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

    @Option(names = "--db-timeouts", paramLabel = "NAME=DURATION,…", converter = DatabaseTimeoutsConverter.class,
            description = "How long to wait on the database before answering 503: any of connect, socket, query, acquire, "
                    + "validation, e.g. query=20s,socket=30s (units ms, s, m; the others keep their defaults: "
                    + "connect=5s,socket=30s,query=20s,acquire=5s,validation=2s).")
    DatabaseTimeouts dbTimeouts = DatabaseTimeouts.DEFAULT;

    @Option(names = "--max-live-screens", defaultValue = "" + LiveSettings.DEFAULT_MAX_SCREENS,
            converter = LiveLimitConverters.MaxScreens.class,
            description = "Live screens (/ws/live) this node holds open at most; one more is refused 503 with Retry-After "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxLiveScreens;

    @Option(names = "--live-opens-per-address", defaultValue = "" + LiveSettings.DEFAULT_OPENS_PER_ADDRESS,
            converter = LiveLimitConverters.OpensPerAddress.class,
            description = "Live screens one client address may open in 10 s, then 429 (default: ${DEFAULT-VALUE}); "
                    + "0 for no limit, e.g. behind a load balancer that hides the clients' addresses.")
    int liveOpensPerAddress;

    ServerConfig toConfig(Path defaultDataDir, Optional<String> defaultAdminPassword) {
        Optional<String> admin = Optional.ofNullable(adminPassword)
                .or(() -> Optional.ofNullable(System.getenv("CRAFTMARK_ADMIN_PASSWORD")).filter(p -> !p.isBlank()))
                .or(() -> defaultAdminPassword);
        return new ServerConfig(port, database.dataDirOr(defaultDataDir), Optional.ofNullable(database.dbUrl),
                database.dbUser, database.dbPassword, admin, baseUrl, new ServerConfig.CertificateSettings(evaluationOrg, issuer),
                Optional.ofNullable(database.idKey),
                new ServerConfig.SecuritySettings(Duration.ofHours(sessionHours), allowedOrigins),
                cluster ? new ClusterSettings(true, clusterName, clusterHost, clusterPort, clusterMembers) : ClusterSettings.OFF,
                dbTimeouts, new LiveSettings(maxLiveScreens, liveOpensPerAddress));
    }
}
