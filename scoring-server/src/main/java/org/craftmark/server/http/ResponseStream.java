package org.craftmark.server.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An OutputStream onto an HTTP response, for a worker thread: bytes go out in chunks of
 * {@value #CHUNK_BYTES}, and when the connection's write queue is full the writer waits for it to
 * drain — a slow client slows the download down instead of filling the server's memory.
 */
final class ResponseStream extends OutputStream {
    static final int CHUNK_BYTES = 64 * 1024;
    private static final long DRAIN_TIMEOUT_SECONDS = 120;

    private final HttpServerResponse response;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private int filled;

    ResponseStream(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == chunk.length) {
            flush();
        }
        chunk[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == chunk.length) {
                flush();
            }
            int n = Math.min(length, chunk.length - filled);
            System.arraycopy(bytes, offset, chunk, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        if (filled == 0) {
            return;
        }
        if (response.closed()) {
            throw new IOException("the client went away");
        }
        response.write(Buffer.buffer().appendBytes(chunk, 0, filled));
        filled = 0;
        awaitDrain();
    }

    private void awaitDrain() throws IOException {
        if (!response.writeQueueFull()) {
            return;
        }
        CountDownLatch drained = new CountDownLatch(1);
        response.drainHandler(v -> drained.countDown());
        response.closeHandler(v -> drained.countDown());
        try {
            if (response.writeQueueFull() && !drained.await(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the client stopped reading");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the client was reading");
        }
        if (response.closed()) {
            throw new IOException("the client went away");
        }
    }

    /** Sends what is left; the response itself is ended by the caller. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
