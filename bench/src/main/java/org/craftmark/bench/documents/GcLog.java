package org.craftmark.bench.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code -Xlog:gc} file ({@code … Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(256M) 4.1ms}):
 * the heap left after each collection is what the server really kept, garbage aside.
 */
final class GcLog {
    private static final Pattern AFTER = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private GcLog() {
    }

    /** The most heap a young or full collection left behind, in MiB; 0 when none ran. */
    static double highestAfterGcMiB(Path log) throws IOException {
        long highest = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = AFTER.matcher(line);
            // Young and full pauses only: a concurrent cycle's Remark and Cleanup report the heap as it
            // grew meanwhile, not what a collection left.
            if ((line.contains("Pause Young") || line.contains("Pause Full")) && m.find()) {
                highest = Math.max(highest, Long.parseLong(m.group(2)));
            }
        }
        return highest;
    }
}
