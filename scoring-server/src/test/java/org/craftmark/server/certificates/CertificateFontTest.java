package org.craftmark.server.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The certificate font shipped in the jar")
class CertificateFontTest {
    private static final CertificateFont FONT = CertificateFont.bundled();

    @Test
    void hasAGlyphForEveryHanziOfGbk() {
        CharsetEncoder gbk = Charset.forName("GBK").newEncoder();
        String gbkHanzi = IntStream.rangeClosed(0x3400, 0xFFFF)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && gbk.canEncode((char) c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertThat(gbkHanzi.length()).isGreaterThan(20_900);
        assertThat(FONT.firstMissing(gbkHanzi)).isEmpty();
    }

    @Test
    void hasAGlyphForEveryCharacterOfCjkExtensionA() {
        assertThat(FONT.firstMissing(range(0x3400, 0x4DB5))).isEmpty();
    }

    @Test
    void hasLatinDigitsPunctuationAndTheSeparatorsOfMinorityNames() {
        assertThat(FONT.firstMissing(range(0x20, 0x7E) + "·•・（）：，。、—《》Āāǎǐǒǔǖǘǚǜ")).isEmpty();
    }

    @Test
    void namesTheFirstCharacterItCannotDraw() {
        assertThat(FONT.firstMissing("王𠮷")).hasValue(0x20BB7);
        assertThat(FONT.firstMissing("张伟\n")).hasValue('\n');
    }

    @Test
    void shipsWithItsLicenceAndItsStory() {
        assertThat(CertificateFont.class.getResource("LICENSE-Apache-2.0.txt")).isNotNull();
        assertThat(CertificateFont.class.getResource("README.md")).isNotNull();
    }

    private static String range(int first, int last) {
        return IntStream.rangeClosed(first, last)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
