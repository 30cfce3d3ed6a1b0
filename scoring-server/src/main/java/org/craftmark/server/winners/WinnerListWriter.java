package org.craftmark.server.winners;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes a winner list row by row, straight to the caller's stream: rows can come from a database
 * cursor and leave as they arrive, so no format holds the list in memory. Open one with
 * {@link WinnerFormat#open}. Not for use by several threads at once.
 */
public interface WinnerListWriter extends Closeable {

    void write(WinnerRow row) throws IOException;

    /**
     * Ends the document (the closing brackets, the ZIP directory of an XLSX) and flushes. The
     * caller's stream stays open: it belongs to the caller. A list that is never closed is
     * truncated.
     */
    @Override
    void close() throws IOException;
}
