package org.craftmark.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scoring-server serve|demo|backup|restore}: the server's command line. */
@Command(name = "scoring-server",
        mixinStandardHelpOptions = true,
        version = "Craftmark scoring-server 0.1.0",
        description = "Craftmark: judges' marks, live leaderboards and results for skills competitions.",
        subcommands = {ServeCommand.class, DemoCommand.class, BackupCommand.class, RestoreCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        choosePlainLogsWhenAsked(args);
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /**
     * JSON logs suit a server; a person trying the demo reads plain lines. Decided before the first
     * logger exists, because logback reads its configuration once.
     */
    private static void choosePlainLogsWhenAsked(String[] args) {
        boolean demo = args.length > 0 && "demo".equals(args[0]);
        boolean askedForPlain = "plain".equals(System.getenv("CRAFTMARK_LOG_FORMAT"));
        if ((demo || askedForPlain) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-plain.xml");
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
