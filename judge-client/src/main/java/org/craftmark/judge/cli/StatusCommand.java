package org.craftmark.judge.cli;

import org.craftmark.judge.outbox.Outbox;
import org.craftmark.judge.outbox.OutboxContents;
import org.craftmark.judge.outbox.PendingMark;
import org.craftmark.judge.outbox.ExactJson;
import org.craftmark.judge.sdk.JudgeClient;
import org.craftmark.judge.sdk.MarkJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code judge-client status}: what waits in an outbox, and what the server refused. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "List the marks waiting in an outbox for an ack, and the marks the server rejected. "
                + "Safe while a judge client is using the outbox.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    /** The outbox folder, or the judge whose default outbox it is. */
    static final class Which {
        @Option(names = "--outbox", description = "The outbox folder.")
        Path outbox;

        @Option(names = {"-u", "--user"}, description = "The judge whose default outbox (~/.craftmark/outbox/<user>) to show.")
        String user;

        Path directory() {
            return outbox != null ? outbox : JudgeClient.defaultOutbox(user);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = which.directory();
        if (!Files.isDirectory(dir)) {
            out.printf("No outbox at %s: nothing pending.%n", dir);
            return JudgeCli.OK;
        }
        OutboxContents contents = Outbox.read(dir);
        out.printf("Outbox %s: %d pending, %d rejected%n", dir, contents.pending().size(), contents.rejected().size());
        if (!contents.pending().isEmpty()) {
            out.println("Pending, oldest first:");
            contents.pending().forEach(mark -> out.printf("  #%d  %s  %s  [%s]%n",
                    mark.sequence(), seconds(mark.createdAt()), describe(mark), mark.clientMarkId()));
        }
        if (!contents.rejected().isEmpty()) {
            out.println("Rejected:");
            contents.rejected().forEach(rejected -> out.printf("  %s  %s  [%s]  %s: %s%n",
                    seconds(rejected.rejectedAt()), describe(rejected.mark()), rejected.mark().clientMarkId(),
                    rejected.code(), rejected.message()));
        }
        return JudgeCli.OK;
    }

    private static Instant seconds(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The mark in the judge's words; its raw JSON if it is not a mark this version can read. */
    private static String describe(PendingMark mark) {
        try {
            return MarkJson.draft(mark.mark()).describe();
        } catch (RuntimeException e) {
            return ExactJson.encode(mark.mark());
        }
    }
}
