package org.craftmark.server.certificates;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A ZIP of certificate PDFs ({@code <number>.pdf} each), written to a stream one certificate at a
 * time: only the PDF being added is in memory, so a contest's 2,000 certificates can go straight
 * from a database cursor to an HTTP response or a file.
 *
 * <p>Entries are STORED, not deflated: a PDF's streams are already compressed, and deflating them
 * again costs CPU for a few per cent. Entry times are the issue dates, so the same certificates
 * give the same archive. Not for use by several threads at once.
 */
public final class CertificateZip implements Closeable {

    /** Told after each certificate is added. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {
        };

        /** @param total as given when the archive was opened */
        void advanced(int done, int total);
    }

    private final CertificatePdf pdf;
    private final ZipOutputStream zip;
    private final int total;
    private final Progress progress;
    private int done;

    /**
     * An empty archive on {@code out}. Closing it finishes the archive but leaves {@code out} open:
     * the stream belongs to the caller.
     *
     * @param total how many certificates the caller will add, for {@link Progress}
     */
    public CertificateZip(CertificatePdf pdf, OutputStream out, int total, Progress progress) {
        this.pdf = Objects.requireNonNull(pdf, "pdf");
        this.zip = new ZipOutputStream(new NonClosing(out));
        this.total = total;
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Renders every sheet into one archive on {@code out}.
     *
     * @return how many certificates were written
     */
    public static int write(CertificatePdf pdf, Iterator<CertificateSheet> sheets, int total, OutputStream out,
                            Progress progress) throws IOException {
        try (CertificateZip zip = new CertificateZip(pdf, out, total, progress)) {
            while (sheets.hasNext()) {
                zip.add(sheets.next());
            }
            return zip.done();
        }
    }

    /** Renders the sheet and appends it as {@code <number>.pdf}. */
    public void add(CertificateSheet sheet) throws IOException {
        byte[] bytes = pdf.render(sheet);
        zip.putNextEntry(storedEntry(sheet, bytes));
        zip.write(bytes);
        zip.closeEntry();
        done++;
        progress.advanced(done, total);
    }

    private static ZipEntry storedEntry(CertificateSheet sheet, byte[] bytes) {
        ZipEntry entry = new ZipEntry(sheet.fileName());
        CRC32 crc = new CRC32();
        crc.update(bytes);
        // A STORED entry declares its size and CRC before its data.
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(sheet.issuedOn().atStartOfDay());
        return entry;
    }

    /** How many certificates have been added. */
    public int done() {
        return done;
    }

    /** Writes the archive's directory and flushes; the caller's stream stays open. */
    @Override
    public void close() throws IOException {
        zip.close();
    }
}
