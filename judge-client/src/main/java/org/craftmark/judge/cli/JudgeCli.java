package org.craftmark.judge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Map;

/** {@code judge-client mark|replay|status}: judges' marking from the command line and from scripts. */
@Command(name = "judge-client",
        mixinStandardHelpOptions = true,
        version = "Craftmark judge-client 0.1.0",
        description = "Enter judges' marks into a Craftmark server, one at a time or from a CSV file. "
                + "Marks wait in an outbox on disk until the server acknowledges them.",
        subcommands = {MarkCommand.class, ReplayCommand.class, StatusCommand.class, CommandLine.HelpCommand.class})
public final class JudgeCli implements Runnable {
    /** Every mark acknowledged, none rejected. */
    static final int OK = 0;
    /** No connection, or not every mark acknowledged in time (they stay in the outbox). */
    static final int FAILED = 1;
    /** Every mark acknowledged, some rejected. */
    static final int REJECTED = 2;
    /** A bad command line or CSV file; nothing was sent. */
    static final int BAD_INPUT = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The command line with Craftmark's exit codes (picocli's usage error 2 would read as "rejected"),
     * reading the password's environment variable from {@code environment} (tests pass their own).
     */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new JudgeCli());
        CommandLine.IParameterExceptionHandler standard = cli.getParameterExceptionHandler();
        cli.setDefaultValueProvider(argument -> argument instanceof CommandLine.Model.OptionSpec option
                && option.longestName().equals(SignInOptions.PASSWORD_OPTION) ? environment.get(SignInOptions.PASSWORD_ENV) : null);
        return cli
                .setParameterExceptionHandler((e, args) -> {
                    standard.handleParseException(e, args);
                    return BAD_INPUT;
                })
                .setExecutionExceptionHandler(JudgeCli::explain);
    }

    private static int explain(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (!(e instanceof CommandFailure)) {
            throw e;
        }
        command.getErr().println(e.getMessage());
        return FAILED;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
