package org.craftmark.judge.cli;

import org.craftmark.judge.sdk.JudgeClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Who marks, on which server, from which outbox: shared by the commands that talk to the server. */
final class SignInOptions {
    static final String PASSWORD_ENV = "CRAFTMARK_JUDGE_PASSWORD";
    static final String PASSWORD_OPTION = "--password";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--server", defaultValue = "http://localhost:8080",
            description = "The server's base URL (default: ${DEFAULT-VALUE}).")
    String server;

    @Option(names = {"-u", "--user"}, required = true, description = "The judge's username.")
    String user;

    /** Defaults to {@link #PASSWORD_ENV} through the command line's default-value provider. */
    @Option(names = PASSWORD_OPTION,
            description = "The judge's password; better in the environment variable " + PASSWORD_ENV
                    + " (a command line is visible to other users of the machine).")
    String password;

    @Option(names = "--device", defaultValue = "judge-client-cli",
            description = "Device id sent to the server (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--outbox",
            description = "Outbox folder: marks wait here until acknowledged (default: ~/.craftmark/outbox/<user>).")
    Path outbox;

    /** A client for these options, not connected yet. */
    JudgeClient build() {
        if (password == null || password.isEmpty()) {
            throw new ParameterException(command.commandLine(),
                    "Missing the password: set " + PASSWORD_ENV + " or give --password.");
        }
        JudgeClient.Builder builder;
        try {
            builder = JudgeClient.builder().server(server);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--server: " + e.getMessage());
        }
        try {
            return builder.username(user).password(password).deviceId(device).outbox(outboxDirectory()).build();
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new CommandFailure(e.getMessage()); // e.g. the outbox is in use by another judge-client
        }
    }

    Path outboxDirectory() {
        return outbox != null ? outbox : JudgeClient.defaultOutbox(user);
    }
}
