package org.craftmark.judge.cli;

import org.craftmark.judge.sdk.AckStatus;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What came back for a set of marks: how many of each ack, the rejected marks with their reasons,
 * and how many are still unacknowledged.
 */
record AckSummary(int accepted, int duplicate, List<Submitted> rejected, int unacknowledged) {

    static AckSummary of(List<Submitted> marks) {
        return new AckSummary(
                count(marks, AckStatus.ACCEPTED),
                count(marks, AckStatus.DUPLICATE),
                marks.stream().filter(mark -> mark.ackOrNull() != null && mark.ackOrNull().rejected()).toList(),
                (int) marks.stream().filter(mark -> mark.ackOrNull() == null).count());
    }

    int exitCode() {
        if (unacknowledged > 0) {
            return JudgeCli.FAILED;
        }
        return rejected.isEmpty() ? JudgeCli.OK : JudgeCli.REJECTED;
    }

    void print(PrintWriter out, Path outbox) {
        out.printf("%d ACCEPTED, %d DUPLICATE, %d REJECTED%s%n", accepted, duplicate, rejected.size(),
                unacknowledged == 0 ? "" : ", " + unacknowledged + " not acknowledged");
        if (!rejected.isEmpty()) {
            out.println("Rejected:");
            rejected.forEach(mark -> out.printf("  %s%s: %s%n",
                    mark.source().isEmpty() ? "" : mark.source() + ": ", mark.draft().describe(),
                    mark.ackOrNull().error().describe()));
        }
        if (unacknowledged > 0) {
            out.printf("Marks not acknowledged stay in the outbox %s and are sent the next time "
                    + "judge-client runs with it.%n", outbox);
        }
    }

    private static int count(List<Submitted> marks, AckStatus status) {
        return (int) marks.stream().map(Submitted::ackOrNull).filter(ack -> ack != null && ack.status() == status).count();
    }
}
