package org.craftmark.server.certificates;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A QR code drawn as vector squares: sharp at any zoom or print resolution, and a few hundred bytes
 * where an image would be kilobytes.
 */
final class QrCode {
    /** The 4-module light margin the QR standard asks for around the symbol. */
    static final int QUIET_MODULES = 4;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            // M survives a crease or a smudge on a printed page and keeps a short URL at 33 modules or fewer.
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN, 0);

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    static QrCode of(String text) {
        try {
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /**
     * Draws the symbol and its quiet zone as a white square of side {@code size} whose lower-left
     * corner is ({@code x}, {@code y}).
     */
    void draw(PDPageContentStream page, float x, float y, float size) throws IOException {
        page.setNonStrokingColor(Color.WHITE);
        page.addRect(x, y, size, size);
        page.fill();
        float module = size / (modules.getWidth() + 2 * QUIET_MODULES);
        float left = x + QUIET_MODULES * module;
        float top = y + size - QUIET_MODULES * module;
        page.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < modules.getHeight(); row++) {
            addRow(page, row, left, top - (row + 1) * module, module);
        }
        // One fill of the whole path: the rasterizer sees the union, so no seams between squares.
        page.fill();
    }

    /** One rectangle per run of dark modules in the row. */
    private void addRow(PDPageContentStream page, int row, float left, float bottom, float module) throws IOException {
        int column = 0;
        while (column < modules.getWidth()) {
            if (!modules.get(column, row)) {
                column++;
                continue;
            }
            int start = column;
            while (column < modules.getWidth() && modules.get(column, row)) {
                column++;
            }
            page.addRect(left + start * module, bottom, (column - start) * module, module);
        }
    }
}
