package org.craftmark.server.cli;

import org.craftmark.server.config.ServerConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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

    ServerConfig toConfig(Path defaultDataDir, Optional<String> defaultAdminPassword) {
        Optional<String> admin = Optional.ofNullable(adminPassword)
                .or(() -> Optional.ofNullable(System.getenv("CRAFTMARK_ADMIN_PASSWORD")).filter(p -> !p.isBlank()))
                .or(() -> defaultAdminPassword);
        return new ServerConfig(port, database.dataDirOr(defaultDataDir), Optional.ofNullable(database.dbUrl),
                database.dbUser, database.dbPassword, admin, baseUrl, new ServerConfig.CertificateSettings(evaluationOrg, issuer),
                Optional.ofNullable(database.idKey));
    }
}
