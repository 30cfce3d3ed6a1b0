package org.craftmark.server.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A reply that is a file — a certificate PDF, a ZIP of them, a winner list — written as a stream, so
 * a large one never sits whole in memory. Everything that can refuse the request (access, filters)
 * happens before a Download is handed back: once bytes flow, the status is 200 for good.
 */
public interface Download {
    String contentType();

    /** The file name offered to the browser (may be Chinese). */
    String fileName();

    /** Writes the whole file; called once, on a worker thread. The stream must not be closed. */
    void writeTo(OutputStream out) throws IOException;

    /** Runs after the file was written (or the client went away): e.g. audit what was handed out. */
    default void finished(boolean complete) {
    }
}
