package org.craftmark.server.certificates;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A ZIP of certificate PDFs ({@code <number>.pdf} each), written to a stream one certificate at a
 * time: only the PDFs being added are in memory, so a contest's 2,000 certificates can go straight
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
     * Renders every sheet into one archive on {@code out}, in the sheets' order. Rendering is nearly
     * all of a ZIP's cost (PDFBox embeds the CJK font anew in every document), so the next few
     * PDFs — one per core — render side by side on threads of their own while the archive is
     * written; at most that many finished PDFs wait in memory.
     *
     * @return how many certificates were written
     * @throws org.craftmark.core.common.RuleViolation as {@link CertificatePdf#render} does, for the first sheet that cannot be printed
     */
    public static int write(CertificatePdf pdf, Iterator<CertificateSheet> sheets, int total, OutputStream out,
                            Progress progress) throws IOException {
        int ahead = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService renderers = Executors.newFixedThreadPool(ahead, Thread.ofPlatform().daemon().name("certificate-pdf-", 1).factory());
        try (CertificateZip zip = new CertificateZip(pdf, out, total, progress)) {
            Deque<Rendering> pending = new ArrayDeque<>();
            while (sheets.hasNext() || !pending.isEmpty()) {
                while (pending.size() < ahead && sheets.hasNext()) {
                    CertificateSheet sheet = sheets.next();
                    pending.add(new Rendering(sheet, renderers.submit(() -> pdf.render(sheet))));
                }
                Rendering next = pending.poll();
                zip.add(next.sheet(), next.pdf());
            }
            return zip.done();
        } finally {
            // A client that went away leaves renderings nobody will write: stop them.
            renderers.shutdownNow();
        }
    }

    /** A sheet whose PDF is being rendered on another thread. */
    private record Rendering(CertificateSheet sheet, Future<byte[]> rendered) {
        byte[] pdf() throws IOException {
            try {
                return rendered.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException refused) {
                    throw refused;
                }
                throw new IOException("rendering certificate " + sheet.number() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while certificate " + sheet.number() + " rendered");
            }
        }
    }

    /** Renders the sheet and appends it as {@code <number>.pdf}. */
    public void add(CertificateSheet sheet) throws IOException {
        add(sheet, pdf.render(sheet));
    }

    private void add(CertificateSheet sheet, byte[] bytes) throws IOException {
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
