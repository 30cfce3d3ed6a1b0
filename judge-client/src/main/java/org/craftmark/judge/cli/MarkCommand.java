package org.craftmark.judge.cli;

import org.craftmark.judge.sdk.JudgeClient;
import org.craftmark.judge.sdk.MarkDraft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code judge-client mark}: one mark, and the server's ack. */
@Command(name = "mark",
        mixinStandardHelpOptions = true,
        description = "Enter one mark and print the server's ack.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ACCEPTED or DUPLICATE", "1:no connection or no ack in time (the mark stays in the outbox)",
            "2:REJECTED", "3:bad command line"})
final class MarkCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private SignInOptions signIn;

    @Option(names = "--event", required = true, description = "The event's id.")
    private long eventId;

    @Option(names = "--entry", required = true, description = "The entry's id.")
    private long entryId;

    @Option(names = "--criterion", required = true, description = "The criterion's code, e.g. B1.")
    private String criterion;

    @Option(names = "--value", required = true, description = "The mark, e.g. 17.5.")
    private BigDecimal value;

    @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to wait for the ack (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        MarkDraft draft = draft();
        PrintWriter out = spec.commandLine().getOut();
        try (MarkingSession session = MarkingSession.open(signIn, timeout, spec.commandLine().getErr())) {
            JudgeClient client = session.client();
            Submitted mark = Submitted.of("", draft, client.submit(draft));
            session.giveUpIfFails(client.connect());
            AckSummary summary = session.collect(List.of(mark));
            if (mark.ackOrNull() != null) {
                out.printf("%s: %s (clientMarkId %s)%n", mark.ackOrNull().describe(), draft.describe(),
                        mark.ackOrNull().clientMarkId());
            } else {
                summary.print(out, client.outboxDirectory());
            }
            return summary.exitCode();
        }
    }

    private MarkDraft draft() {
        try {
            return new MarkDraft(eventId, entryId, criterion, value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
