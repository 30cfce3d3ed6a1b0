package org.craftmark.core.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMaskTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "张伟, 张*",
            "欧阳娜娜, 欧***",
            "王, 王",
            "阿卜杜·热合曼, 阿******",
            // 𠮷 is outside the BMP: two UTF-16 units, one character, one star.
            "王𠮷, 王*",
            "𠮷野, 𠮷*",
            "'', ''"
    })
    void keepsTheFirstCharacterAndStarsEachOther(String name, String masked) {
        assertThat(NameMask.mask(name)).isEqualTo(masked);
    }
}
