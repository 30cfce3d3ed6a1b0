package org.craftmark.server.cli;

import org.craftmark.server.backup.BackupException;
import org.craftmark.server.backup.ContestRestore;
import org.craftmark.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code restore}: a contest backup into an empty database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a contest backup into an EMPTY database (it is created by this command's migrations), "
                + "then verify the audit chain.")
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--in", required = true, description = "The backup file.")
    Path in;

    @Override
    public Integer call() throws IOException {
        try (Database db = database.open(Path.of("data"), BackupCommand.POOL_SIZE);
             InputStream file = Files.newInputStream(in)) {
            ContestRestore.Summary summary = new ContestRestore(db).restore(file);
            spec.commandLine().getOut().printf("Contest %d restored from %s: %s.%n", summary.contestId(), in, summary.rows());
            summary.detached().forEach(d -> spec.commandLine().getOut().printf("  %s.%s = %s is not in this backup; left empty.%n",
                    d.table(), d.column(), d.value()));
            spec.commandLine().getOut().println(summary.audit().ok()
                    ? "Audit chain verified: " + summary.audit().entries() + " entries."
                    : "AUDIT CHAIN BROKEN at " + summary.audit().firstBroken());
            return summary.audit().ok() ? 0 : 2;
        } catch (BackupException e) {
            spec.commandLine().getErr().println("restore refused: " + e.getMessage());
            return 1;
        }
    }
}
