package org.craftmark.server.winners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Long winner lists")
class WinnerListStreamingTest {
    private static final int ROWS = 100_000;

    @ParameterizedTest
    @EnumSource(WinnerFormat.class)
    void reachTheStreamWhileRowsAreStillComing(WinnerFormat format) throws IOException {
        CountingSink sink = new CountingSink();
        AtomicLong bytesAtHalfway = new AtomicLong();

        long written = format.write(Winners.lazily(ROWS, i -> {
            if (i == ROWS / 2) {
                bytesAtHalfway.set(sink.bytes);
            }
        }), sink);

        assertThat(written).isEqualTo(ROWS);
        // Half the rows in, at least a third of the output has left: nothing holds the whole list.
        assertThat(bytesAtHalfway.get()).isGreaterThan(sink.bytes / 3);
    }

    /** Counts what it is given and keeps none of it. */
    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
