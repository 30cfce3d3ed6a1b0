package org.craftmark.server.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.craftmark.core.common.RuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A ZIP of certificates")
class CertificateZipTest {
    private static final CertificatePdf PDF = new CertificatePdf();
    private final List<CertificateSheet> sheets = List.of(
            Sheets.sheet("张伟", 1), Sheets.sheet("王喆", 2), Sheets.sheet("李堃", 3));

    @Test
    void holdsOnePdfPerCertificateNamedByItsNumber() throws IOException {
        Map<String, byte[]> entries = unzip(zipOf(sheets, CertificateZip.Progress.NONE));

        assertThat(entries.keySet()).containsExactly(
                Sheets.number(1) + ".pdf", Sheets.number(2) + ".pdf", Sheets.number(3) + ".pdf");
        assertThat(CertificatePdfTest.textOf(entries.get(Sheets.number(2) + ".pdf"))).contains("王喆", Sheets.number(2));
        assertThat(entries.get(Sheets.number(3) + ".pdf")).isEqualTo(PDF.render(sheets.get(2)));
    }

    @Test
    void reportsProgressAfterEachCertificate() throws IOException {
        List<String> reports = new ArrayList<>();

        zipOf(sheets, (done, total) -> reports.add(done + "/" + total));

        assertThat(reports).containsExactly("1/3", "2/3", "3/3");
    }

    @Test
    void writesEachCertificateBeforeRenderingTheNext() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CertificateZip zip = new CertificateZip(PDF, out, 2, CertificateZip.Progress.NONE)) {
            zip.add(sheets.get(0));
            assertThat(out.size()).isGreaterThan(PDF.render(sheets.get(0)).length);
            zip.add(sheets.get(1));
        }
        assertThat(unzip(out.toByteArray())).hasSize(2);
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the caller's stream was closed");
            }
        };

        CertificateZip.write(PDF, sheets.iterator(), sheets.size(), out, CertificateZip.Progress.NONE);

        assertThat(unzip(out.toByteArray())).hasSize(3);
    }

    @Test
    void theSameCertificatesGiveTheSameArchive() throws IOException {
        assertThat(zipOf(sheets, CertificateZip.Progress.NONE)).isEqualTo(zipOf(sheets, CertificateZip.Progress.NONE));
    }

    @Test
    void anEmptyBatchIsAnEmptyArchive() throws IOException {
        assertThat(unzip(zipOf(List.of(), CertificateZip.Progress.NONE))).isEmpty();
    }

    @Test
    void countsWhatItWrote() throws IOException {
        List<CertificateSheet> many = IntStream.rangeClosed(1, 12).mapToObj(i -> Sheets.sheet("张伟", i)).toList();

        int written = CertificateZip.write(PDF, many.iterator(), many.size(), new ByteArrayOutputStream(),
                CertificateZip.Progress.NONE);

        assertThat(written).isEqualTo(12);
    }

    @Test
    void certificatesRenderedSideBySideKeepTheirOrderAndTheirBytes() throws IOException {
        List<CertificateSheet> many = IntStream.rangeClosed(1, 12).mapToObj(i -> Sheets.sheet(i % 2 == 0 ? "张伟" : "欧阳娜娜", i)).toList();

        Map<String, byte[]> entries = unzip(zipOf(many, CertificateZip.Progress.NONE));

        assertThat(entries.keySet()).containsExactlyElementsOf(many.stream().map(s -> s.number() + ".pdf").toList());
        for (CertificateSheet sheet : many) {
            assertThat(entries.get(sheet.number() + ".pdf")).as(sheet.number()).isEqualTo(PDF.render(sheet));
        }
    }

    @Test
    void aSheetThatCannotBePrintedStopsTheArchiveWithItsOwnReason() {
        List<CertificateSheet> some = List.of(Sheets.sheet("张伟", 1), Sheets.sheet("\uD842\uDFB7伟", 2), Sheets.sheet("李堃", 3));

        assertThatThrownBy(() -> zipOf(some, CertificateZip.Progress.NONE))
                .isInstanceOf(RuleViolation.class);
    }

    private static byte[] zipOf(List<CertificateSheet> sheets, CertificateZip.Progress progress) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CertificateZip.write(PDF, sheets.iterator(), sheets.size(), out, progress);
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
