package org.craftmark.server.cli;

import org.craftmark.server.backup.BackupException;
import org.craftmark.server.backup.ContestBackup;
import org.craftmark.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code backup}: one contest, consistent, into a file an operator keeps. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write one contest (with the regions and users it needs, its marks and their versions, results, "
                + "appeals, entitlements, certificates and the audit chain up to its last entry) to a gzip'd file.")
final class BackupCommand implements Callable<Integer> {
    static final int POOL_SIZE = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--contest", required = true, description = "The contest's id.")
    long contestId;

    @Option(names = "--out", required = true, description = "The file to write, e.g. contest-12.cmbackup.gz.")
    Path out;

    @Override
    public Integer call() throws IOException {
        // Written beside the target and moved into place at the end: a failed backup leaves no half file behind.
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (Database db = database.open(Path.of("data"), POOL_SIZE)) {
            ContestBackup.Summary summary;
            try (OutputStream file = Files.newOutputStream(partial)) {
                summary = new ContestBackup(db, Clock.systemUTC()).write(contestId, file);
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().printf("Contest %d backed up to %s: %s; audit chain up to seq %d.%n",
                    summary.contestId(), out, summary.rows(), summary.auditLastSeq());
            return 0;
        } catch (BackupException e) {
            spec.commandLine().getErr().println("backup refused: " + e.getMessage());
            return 1;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
