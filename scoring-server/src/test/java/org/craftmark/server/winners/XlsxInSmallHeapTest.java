package org.craftmark.server.winners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("An XLSX winner list in a 64 MB heap")
class XlsxInSmallHeapTest {
    private static final int ROWS = 100_000;

    @Test
    void writes100000RowsAndReadsBack(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("winners.xlsx");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), Writer.class.getName(), xlsx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();

        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        List<org.dhatim.fastexcel.reader.Row> rows = XlsxWinnerListTest.read(Files.readAllBytes(xlsx));
        assertThat(rows).hasSize(1 + ROWS);
        assertThat(rows.getLast().getCell(0).getText()).isEqualTo("选手" + (ROWS - 1));
    }

    /** The child JVM: writes the rows, made lazily, to the file it is given. */
    static final class Writer {
        public static void main(String[] args) throws IOException {
            try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
                WinnerFormat.XLSX.write(Winners.lazily(ROWS, i -> { }), out);
            }
        }
    }
}
