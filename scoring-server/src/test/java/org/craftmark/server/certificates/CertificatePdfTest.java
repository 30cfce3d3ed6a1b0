package org.craftmark.server.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.craftmark.core.common.Problem;
import org.craftmark.core.common.RuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Certificate PDFs")
class CertificatePdfTest {
    private static final CertificatePdf PDF = new CertificatePdf();
    private final CertificateSheet sheet = Sheets.zhangWei();

    @Test
    void printsEveryParticularAsExtractableText() throws IOException {
        String text = textOf(PDF.render(sheet));

        // The title is letter-spaced, so an extractor sees gaps between its characters.
        assertThat(text.replaceAll("\\s", "")).contains("职业技能等级证书");
        assertThat(text).contains("张伟", "车工", "6-18-01-01", "二级/技师", sheet.number(),
                sheet.maskedIdNumber(), Sheets.ISSUER, Sheets.CONTEST, "2026年12月1日", sheet.verifyUrl());
        assertThat(sheet.number()).isEqualTo("S000111000042262000001");
    }

    @Test
    void neverPrintsTheFullIdNumber() throws IOException {
        assertThat(textOf(PDF.render(sheet))).contains("110112********").doesNotContain("19900307");
    }

    @Test
    void isOneA4PageInLandscape() throws IOException {
        try (PDDocument document = Loader.loadPDF(PDF.render(sheet))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), within(0.01f));
            assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), within(0.01f));
        }
    }

    @Test
    void embedsOnlyASubsetOfTheShippedFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(PDF.render(sheet))) {
            List<PDFont> fonts = fontsOf(document.getPage(0));

            assertThat(fonts).singleElement().isInstanceOf(PDType0Font.class);
            PDCIDFont cidFont = ((PDType0Font) fonts.getFirst()).getDescendantFont();
            assertThat(fonts.getFirst().getName()).matches("[A-Z]{6}\\+WenQuanYiMicroHeiCertificate");
            assertThat(fonts.getFirst().isEmbedded()).isTrue();
            byte[] fontFile = cidFont.getFontDescriptor().getFontFile2().toByteArray();
            // The whole font is 4 MB; the glyphs one certificate shows are a few dozen kilobytes.
            assertThat(fontFile.length).isBetween(1_000, 300_000);
        }
    }

    @Test
    void theQrCodeReadsBackAsTheVerifyUrl() throws IOException {
        assertThat(QrReader.decode(PDF.render(sheet), 150)).isEqualTo(sheet.verifyUrl());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"王喆", "李堃", "张淼", "欧阳娜娜", "阿卜杜·热合曼", "刘䶮"})
    void printsNamesWithRareHanzi(String name) throws IOException {
        assertThat(textOf(PDF.render(Sheets.sheet(name, 7)))).contains(name);
    }

    @Test
    void reportsACharacterTheFontLacksInsteadOfPrintingABox() {
        CertificateSheet beyondTheFont = Sheets.sheet("王𠮷", 8);

        assertThat(PDF.problems(beyondTheFont)).containsExactly(
                new Problem("holderName", "character U+20BB7 is not in the certificate font"));
        assertThatThrownBy(() -> PDF.render(beyondTheFont))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("holderName")
                .hasMessageNotContaining("王");
        assertThat(PDF.problems(sheet)).isEmpty();
    }

    @Test
    void theSameSheetGivesTheSameBytes() {
        assertThat(PDF.render(sheet)).isEqualTo(PDF.render(Sheets.zhangWei()));
        assertThat(PDF.render(sheet)).isNotEqualTo(PDF.render(Sheets.sheet("张伟", 2)));
    }

    @Test
    void isDatedOnTheIssueDateAndIdentifiedByTheSheet() throws IOException {
        try (PDDocument document = Loader.loadPDF(PDF.render(sheet))) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Sheets.ISSUED_ON.atStartOfDay(CertificatePdf.ISSUING_ZONE).toInstant());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("职业技能等级证书 " + sheet.number());
            assertThat(document.getDocument().getDocumentID().size()).isEqualTo(2);
        }
    }

    @Test
    void writesToAStreamTheSameBytesItReturns() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PDF.render(sheet, out);
        assertThat(out.toByteArray()).isEqualTo(PDF.render(sheet));
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<PDFont> fontsOf(PDPage page) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : page.getResources().getFontNames()) {
            fonts.add(page.getResources().getFont(name));
        }
        return fonts;
    }
}
