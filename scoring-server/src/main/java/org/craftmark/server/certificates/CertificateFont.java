package org.craftmark.server.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font certificates are printed in, shipped in the jar (see the README beside it): parsed
 * once per process and shared by every document and thread.
 *
 * <p>Sharing is safe: fontbox reads a parsed font's tables and glyphs under its own locks, and the
 * subsetter that runs when a document is saved reads the font program through a fresh stream each
 * time. Every table a certificate needs is read here, up front, so rendering threads find them
 * loaded. A {@link PDType0Font} belongs to one document and is made per document; that is cheap.
 */
final class CertificateFont {
    static final String RESOURCE = "WenQuanYiMicroHeiCertificate.ttf";

    private final TrueTypeFont font;
    private final CmapLookup cmap;

    private CertificateFont(TrueTypeFont font) throws IOException {
        this.font = font;
        this.cmap = font.getUnicodeCmapLookup();
        warmUp(font);
    }

    /** The font in the jar, loaded on first use. */
    static CertificateFont bundled() {
        return Bundled.FONT;
    }

    /** Holder idiom: the 4 MB font is read only when first asked for, then kept. */
    private static final class Bundled {
        static final CertificateFont FONT = load();

        private static CertificateFont load() {
            try (InputStream in = Objects.requireNonNull(CertificateFont.class.getResourceAsStream(RESOURCE), RESOURCE)) {
                return new CertificateFont(new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the certificate font " + RESOURCE, e);
            }
        }
    }

    private static void warmUp(TrueTypeFont font) throws IOException {
        font.getHeader();
        font.getHorizontalHeader();
        font.getHorizontalMetrics();
        font.getMaximumProfile();
        font.getOS2Windows();
        font.getPostScript();
        font.getNaming();
        font.getIndexToLocation();
        font.getGlyph();
        font.getGsubData();
    }

    /** The font, to be embedded as a subset of the glyphs {@code document} shows. */
    PDType0Font embedIn(PDDocument document) throws IOException {
        return PDType0Font.load(document, font, true);
    }

    /** The first character of {@code text} the font has no glyph for, if any. */
    OptionalInt firstMissing(String text) {
        return text.codePoints().filter(this::isMissing).findFirst();
    }

    private boolean isMissing(int codePoint) {
        // Glyph 0 is .notdef, the empty box: control characters land there too, and cannot be shown.
        return cmap.getGlyphId(codePoint) == 0;
    }
}
