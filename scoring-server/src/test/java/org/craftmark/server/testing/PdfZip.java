package org.craftmark.server.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A downloaded ZIP of PDFs (a contest's certificates), read entry by entry. */
public final class PdfZip {
    private PdfZip() {
    }

    /** The entries' names in ZIP order; fails the test when an entry is not a PDF. */
    public static List<String> names(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] pdf = in.readAllBytes();
                assertThat(new String(pdf, 0, Math.min(5, pdf.length))).as(entry.getName()).isEqualTo("%PDF-");
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable ZIP", e);
        }
        return names;
    }
}
