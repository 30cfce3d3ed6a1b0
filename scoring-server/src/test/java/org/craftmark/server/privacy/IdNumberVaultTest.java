package org.craftmark.server.privacy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The ID-number vault")
class IdNumberVaultTest {
    private static final String ID = "11010519900307002X";
    private final IdNumberVault vault = new IdNumberVault(key((byte) 7));

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }

    @Test
    void aSealedNumberOpensToItself() {
        assertThat(vault.open(vault.seal(ID))).isEqualTo(ID);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertextsThatHideTheNumber() {
        String first = vault.seal(ID);
        String second = vault.seal(ID);
        assertThat(first).isNotEqualTo(second).doesNotContain(ID).doesNotContain("19900307");
        assertThat(first.length()).isLessThanOrEqualTo(100); // the column's width
    }

    @Test
    void theLookupHashIsStableKeyedAndBlindToTheCheckCharactersCase() {
        assertThat(vault.lookupHash(ID)).isEqualTo(vault.lookupHash(ID.toLowerCase())).hasSize(64);
        assertThat(new IdNumberVault(key((byte) 8)).lookupHash(ID)).isNotEqualTo(vault.lookupHash(ID));
        assertThat(vault.lookupHash(ID)).isNotEqualTo(vault.lookupHash("110105199003070038"));
    }

    @Test
    void anotherKeyCannotOpenANumberAndSaysWhy() {
        String sealed = vault.seal(ID);
        assertThatThrownBy(() -> new IdNumberVault(key((byte) 9)).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--id-key");
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        String tampered = tampered(vault.seal(ID));
        assertThatThrownBy(() -> vault.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneOpenerOpensManyNumbersInARowAndRecoversFromARefusal() {
        List<String> ids = List.of(ID, "110105194912310021", "110112197001010108");
        IdNumberVault.Opener opener = vault.opener();
        for (String id : ids) {
            assertThat(opener.open(vault.seal(id))).isEqualTo(id);
        }
        assertThatThrownBy(() -> opener.open(tampered(vault.seal(ID)))).isInstanceOf(IllegalStateException.class);
        // The cipher is set up afresh for every number: a refused one leaves nothing behind.
        assertThat(opener.open(vault.seal(ids.get(1)))).isEqualTo(ids.get(1));
        assertThatThrownBy(() -> new IdNumberVault(key((byte) 9)).opener().open(vault.seal(ID))).hasMessageContaining("--id-key");
    }

    /**
     * One bit of the tag flipped. Changing a Base64 character instead is not always a change: the
     * character before {@code ==} carries four bits nobody decodes.
     */
    private static String tampered(String sealed) {
        String prefix = sealed.substring(0, sealed.indexOf(':') + 1);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        bytes[bytes.length - 1] ^= 1;
        return prefix + Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new IdNumberVault(new byte[16])).hasMessageContaining("32 bytes");
    }
}
