package org.craftmark.server.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;

/**
 * Renders a {@link CertificateSheet} as a one-page PDF (职业技能等级证书): A4 landscape, Chinese
 * text in a subset of the CJK font shipped in the jar, and a QR code of the verify URL.
 *
 * <p>The same sheet always gives the same bytes: the document's ID and creation date come from the
 * sheet, not the clock, so a PDF can be cached and served with an ETag. One instance serves any
 * number of threads at once.
 */
public final class CertificatePdf {
    /** Certificates are dated in China's time, whatever the server's zone. */
    static final ZoneId ISSUING_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CREATOR = "Craftmark";

    /** A printed field whose characters must all be in the font, named as the sheet names it. */
    private record Printed(String field, Function<CertificateSheet, String> text) {
    }

    private static final List<Printed> PRINTED = List.of(
            new Printed("holderName", CertificateSheet::holderName),
            new Printed("maskedIdNumber", CertificateSheet::maskedIdNumber),
            new Printed("occupationCode", CertificateSheet::occupationCode),
            new Printed("occupationName", CertificateSheet::occupationName),
            new Printed("issuer", CertificateSheet::issuer),
            new Printed("contestName", CertificateSheet::contestName),
            new Printed("verifyUrl", CertificateSheet::verifyUrl));

    private final CertificateFont font;

    /**
     * Prints in the font shipped in the jar, parsed once per process by the first instance made (a
     * fraction of a second): make one at start-up and share it.
     */
    public CertificatePdf() {
        this(CertificateFont.bundled());
    }

    CertificatePdf(CertificateFont font) {
        this.font = font;
    }

    /**
     * What stops the sheet from being printed: each field holding a character the font cannot draw
     * (say a name character beyond CJK Extension A). Empty when it can be rendered. The problems
     * name the character's code point, never the text around it.
     */
    public List<Problem> problems(CertificateSheet sheet) {
        List<Problem> problems = new ArrayList<>();
        for (Printed printed : PRINTED) {
            font.firstMissing(printed.text().apply(sheet)).ifPresent(codePoint -> problems.add(new Problem(
                    printed.field(), String.format(Locale.ROOT, "character U+%04X is not in the certificate font", codePoint))));
        }
        return problems;
    }

    /**
     * The PDF, in memory (about 20 KB).
     *
     * @throws RuleViolation when the sheet has characters the font lacks (see {@link #problems})
     */
    public byte[] render(CertificateSheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            render(sheet, out);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return out.toByteArray();
    }

    /**
     * Writes the PDF to {@code out}, which stays open.
     *
     * @throws RuleViolation when the sheet has characters the font lacks (see {@link #problems})
     */
    public void render(CertificateSheet sheet, OutputStream out) throws IOException {
        RuleViolation.throwIfAny(problems(sheet));
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(CertificatePage.A4_LANDSCAPE);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                CertificatePage.draw(content, font.embedIn(document), sheet);
            }
            describe(document, sheet);
            document.save(out);
        }
    }

    /** Title, creator, creation date and file ID, all from the sheet, so no clock enters the bytes. */
    private static void describe(PDDocument document, CertificateSheet sheet) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("职业技能等级证书 " + sheet.number());
        info.setSubject(sheet.occupationCode() + " " + sheet.occupationName() + " " + sheet.level().chineseName());
        info.setCreator(CREATOR);
        info.setCreationDate(GregorianCalendar.from(sheet.issuedOn().atStartOfDay(ISSUING_ZONE)));
        COSString id = new COSString(fileId(sheet));
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** 16 bytes of SHA-256 over every field: the same certificate, the same ID; another, another. */
    private static byte[] fileId(CertificateSheet sheet) {
        String fields = String.join("\u001F", sheet.holderName(), sheet.maskedIdNumber(), sheet.occupationCode(),
                sheet.occupationName(), sheet.level().name(), sheet.issuer(), sheet.issuedOn().toString(),
                sheet.number(), sheet.contestName(), sheet.verifyUrl());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fields.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
