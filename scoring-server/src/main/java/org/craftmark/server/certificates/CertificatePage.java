package org.craftmark.server.certificates;

import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The certificate's one page, A4 landscape: a double frame, the title, the holder's particulars in
 * a labelled column, and the verification QR code on the right. Coordinates are PDF points from
 * the lower-left corner.
 */
final class CertificatePage {
    static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    /** 150 pt is 53 mm: a phone reads it from arm's length, even from a photocopy. */
    static final float QR_SIZE = 150;

    private static final float WIDTH = A4_LANDSCAPE.getWidth();
    private static final float HEIGHT = A4_LANDSCAPE.getHeight();
    private static final float LABEL_X = 90;
    private static final float VALUE_X = 250;
    private static final float QR_X = WIDTH - 70 - QR_SIZE;
    private static final float QR_Y = 190;
    private static final float FIRST_LINE_Y = 355;
    private static final float LINE_PITCH = 32;
    private static final float VALUE_SIZE = 15;
    /** Below this a value is split over two lines rather than shrunk further. */
    private static final float SMALL_VALUE_SIZE = 11;
    private static final float VALUE_WIDTH = QR_X - 30 - VALUE_X;

    private static final Color PAPER = new Color(0xFF, 0xFC, 0xF5);
    private static final Color CRIMSON = new Color(0x8B, 0x1A, 0x1A);
    private static final Color GOLD = new Color(0xB0, 0x8D, 0x57);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GREY = new Color(0x6B, 0x6B, 0x6B);

    /** One particular: a Chinese label, its English gloss beneath it, and the value beside them. */
    private record Line(String label, String gloss, String value) {
    }

    private final PDPageContentStream page;
    private final PDType0Font font;

    private CertificatePage(PDPageContentStream page, PDType0Font font) {
        this.page = page;
        this.font = font;
    }

    static void draw(PDPageContentStream page, PDType0Font font, CertificateSheet sheet) throws IOException {
        CertificatePage certificate = new CertificatePage(page, font);
        certificate.paperAndFrame();
        certificate.heading();
        certificate.particulars(sheet);
        certificate.verification(sheet.verifyUrl());
    }

    private static List<Line> lines(CertificateSheet sheet) {
        return List.of(
                new Line("姓　　名", "Name", sheet.holderName()),
                new Line("身份证号", "ID number", sheet.maskedIdNumber()),
                new Line("职业（工种）", "Occupation", sheet.occupationCode() + "　" + sheet.occupationName()),
                new Line("职业技能等级", "Skill level", sheet.level().chineseName()),
                new Line("竞赛名称", "Contest", sheet.contestName()),
                new Line("发证机构", "Issued by", sheet.issuer()),
                new Line("发证日期", "Date of issue", chineseDate(sheet.issuedOn())),
                new Line("证书编号", "Certificate No.", sheet.number()));
    }

    /** 2026年12月1日: how dates are written on Chinese certificates. */
    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private void paperAndFrame() throws IOException {
        page.setNonStrokingColor(PAPER);
        page.addRect(0, 0, WIDTH, HEIGHT);
        page.fill();
        frame(22, 4, CRIMSON);
        frame(32, 1, GOLD);
    }

    private void frame(float inset, float lineWidth, Color color) throws IOException {
        page.setStrokingColor(color);
        page.setLineWidth(lineWidth);
        page.addRect(inset, inset, WIDTH - 2 * inset, HEIGHT - 2 * inset);
        page.stroke();
    }

    private void heading() throws IOException {
        // The font has one weight: stroking the outlines as well as filling them makes the title bold.
        page.setRenderingMode(RenderingMode.FILL_STROKE);
        page.setStrokingColor(CRIMSON);
        page.setLineWidth(0.8f);
        centred("职业技能等级证书", HEIGHT - 110, 34, 8, CRIMSON);
        page.setRenderingMode(RenderingMode.FILL);
        centred("VOCATIONAL SKILL LEVEL CERTIFICATE", HEIGHT - 136, 11, 2.5f, GOLD);
        page.setStrokingColor(GOLD);
        page.setLineWidth(0.8f);
        page.moveTo(WIDTH / 2 - 130, HEIGHT - 150);
        page.lineTo(WIDTH / 2 + 130, HEIGHT - 150);
        page.stroke();
        text("经职业技能竞赛评价，持证人达到下列职业技能等级，特发此证。", LABEL_X, HEIGHT - 185, 12.5f, INK);
        text("This certifies that the holder named below has attained the vocational skill level stated, "
                + "as assessed in a skills competition.", LABEL_X, HEIGHT - 200, 8.5f, GREY);
    }

    private void particulars(CertificateSheet sheet) throws IOException {
        float y = FIRST_LINE_Y;
        for (Line line : lines(sheet)) {
            text(line.label(), LABEL_X, y, 12.5f, INK);
            text(line.gloss(), LABEL_X, y - 11, 7.5f, GREY);
            value(line.value(), y - 3);
            y -= LINE_PITCH;
        }
    }

    /**
     * A value on one line, shrunk to fit down to {@link #SMALL_VALUE_SIZE}; longer ones (a contest
     * of forty characters) on two lines at that size, the second shrunk if it must.
     */
    private void value(String value, float y) throws IOException {
        float size = fitting(value, VALUE_SIZE, VALUE_WIDTH);
        if (size >= SMALL_VALUE_SIZE) {
            text(value, VALUE_X, y, size, INK);
            return;
        }
        int split = fullLineEnd(value, SMALL_VALUE_SIZE);
        String rest = value.substring(split);
        text(value.substring(0, split), VALUE_X, y + 4, SMALL_VALUE_SIZE, INK);
        text(rest, VALUE_X, y - 9, fitting(rest, SMALL_VALUE_SIZE, VALUE_WIDTH), INK);
    }

    /** Where the longest start of {@code value} that fits the value column at {@code size} ends. */
    private int fullLineEnd(String value, float size) throws IOException {
        int end = 0;
        while (end < value.length()) {
            int next = value.offsetByCodePoints(end, 1);
            if (width(value.substring(0, next), size, 0) > VALUE_WIDTH) {
                break;
            }
            end = next;
        }
        return end;
    }

    private void verification(String verifyUrl) throws IOException {
        QrCode.of(verifyUrl).draw(page, QR_X, QR_Y, QR_SIZE);
        float centre = QR_X + QR_SIZE / 2;
        centredAt("扫码查验真伪", centre, QR_Y - 18, 11, INK);
        centredAt("Scan to verify", centre, QR_Y - 30, 8, GREY);
        centredAt(verifyUrl, centre, QR_Y - 42, fitting(verifyUrl, 7, QR_SIZE + 40), GREY);
    }

    /** The size up to {@code size} at which {@code text} fits {@code width}: long names shrink, never overflow. */
    private float fitting(String text, float size, float width) throws IOException {
        float natural = width(text, size, 0);
        return natural <= width ? size : size * width / natural;
    }

    private float width(String text, float size, float spacing) throws IOException {
        return font.getStringWidth(text) / 1000 * size + spacing * (text.codePointCount(0, text.length()) - 1);
    }

    private void centred(String text, float y, float size, float spacing, Color color) throws IOException {
        page.setCharacterSpacing(spacing);
        text(text, (WIDTH - width(text, size, spacing)) / 2, y, size, color);
        page.setCharacterSpacing(0);
    }

    private void centredAt(String text, float centre, float y, float size, Color color) throws IOException {
        text(text, centre - width(text, size, 0) / 2, y, size, color);
    }

    private void text(String text, float x, float y, float size, Color color) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.setNonStrokingColor(color);
        page.newLineAtOffset(x, y);
        page.showText(text);
        page.endText();
    }
}
