package org.craftmark.judge.cli;

import org.craftmark.judge.sdk.JudgeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code judge-client replay marks.csv}: scripted entry of many marks, and later load tests. */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {"Submit every mark of a CSV file and wait for all the acks.",
            "The header is eventId,entryId,criterion,value[,clientMarkId]. With clientMarkId, replaying "
                    + "the file again is answered DUPLICATE instead of entering the marks twice."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every mark ACCEPTED or DUPLICATE",
            "1:no connection, or not every ack in time (those marks stay in the outbox)",
            "2:every mark acknowledged, some REJECTED", "3:bad command line or CSV file (nothing sent)"})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SignInOptions signIn;

    @Parameters(index = "0", paramLabel = "MARKS.csv", description = "The marks to submit.")
    private Path file;

    @Option(names = "--timeout", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long to wait for all the acks (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--http",
            description = "Send over POST /api/v1/marks:batch instead of the WebSocket (for networks that block WebSockets).")
    private boolean http;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MarkCsv.Parsed parsed = read(err);
        if (parsed == null) {
            return JudgeCli.BAD_INPUT;
        }
        try (MarkingSession session = MarkingSession.open(signIn, timeout, err)) {
            JudgeClient client = session.client();
            List<Submitted> marks = parsed.rows().stream().map(row -> submit(client, row)).toList();
            session.giveUpIfFails(http ? client.syncOverHttp() : client.connect());
            AckSummary summary = session.collect(marks);
            out.printf("%s: %d marks. ", file, marks.size());
            summary.print(out, client.outboxDirectory());
            return summary.exitCode();
        }
    }

    /** The rows, or null after printing every problem. */
    private MarkCsv.Parsed read(PrintWriter err) {
        MarkCsv.Parsed parsed;
        try {
            parsed = MarkCsv.read(file);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return null;
        }
        if (parsed.problems().isEmpty()) {
            return parsed;
        }
        parsed.problems().forEach(problem -> err.println(file + " " + problem));
        err.println("Nothing was sent; correct the file and run again.");
        return null;
    }

    private static Submitted submit(JudgeClient client, MarkCsv.Row row) {
        String source = "line " + row.line();
        return row.clientMarkId() == null
                ? Submitted.of(source, row.draft(), client.submit(row.draft()))
                : Submitted.of(source, row.draft(), client.submit(row.clientMarkId(), row.draft()));
    }
}
