package org.craftmark.server.privacy;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keeps ID numbers (身份证号) unreadable at rest: each is stored as AES-256-GCM ciphertext under a
 * fresh nonce ({@link #seal}), plus a keyed HMAC-SHA256 ({@link #lookupHash}) so the database can
 * still enforce one person per ID number and find a person by it. A stolen dump without the key
 * shows neither the numbers nor — unlike a plain hash of the tiny ID space — a way to guess them.
 * Both keys derive from one 32-byte master key from configuration.
 */
public final class IdNumberVault {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();

    public IdNumberVault(byte[] masterKey) {
        if (masterKey == null || masterKey.length != 32) {
            throw new IllegalArgumentException("the ID-number key must be 32 bytes (44 characters of Base64)");
        }
        this.encryptionKey = new SecretKeySpec(derive(masterKey, "craftmark/id-number/encrypt"), "AES");
        this.lookupKey = new SecretKeySpec(derive(masterKey, "craftmark/id-number/lookup"), "HmacSHA256");
    }

    /** The ciphertext to store: {@code v1:} and Base64 of nonce, ciphertext and tag. */
    public String seal(String idNumber) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(idNumber.getBytes(StandardCharsets.US_ASCII));
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The ID number sealed in {@code stored}; fails loudly when the key is not the one it was sealed with. */
    public String open(String stored) {
        return opener().open(stored);
    }

    /**
     * For many ID numbers opened one after the other by one thread — a winner list's cursor: one
     * cipher for all of them. {@link #open} looks the cipher up in the providers and expands the AES
     * key for every number, which was a quarter of the CPU of a 100,000-row export.
     */
    public Opener opener() {
        return new Opener();
    }

    /** Opens sealed ID numbers with one cipher (the key schedule is kept between them). Not for several threads at once. */
    public final class Opener {
        private final Cipher cipher;

        private Opener() {
            try {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is part of every JDK", e);
            }
        }

        /** As {@link IdNumberVault#open}. */
        public String open(String stored) {
            if (stored == null || !stored.startsWith(PREFIX)) {
                throw new IllegalStateException("not a sealed ID number");
            }
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            try {
                // Decrypting may reuse a cipher with the same key: only encryption needs a nonce never used before.
                cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
                return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.US_ASCII);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("an ID number does not open with the configured key: is --id-key the one the data was written with?", e);
            }
        }
    }

    /**
     * The keyed hash the database looks people up by. The check character is compared without case,
     * as the unencrypted column's collation did ({@code x} and {@code X} are one person).
     */
    public String lookupHash(String idNumber) {
        return HexFormat.of().formatHex(hmac(lookupKey, idNumber.toUpperCase(Locale.ROOT)));
    }

    private static byte[] derive(byte[] masterKey, String purpose) {
        return hmac(new SecretKeySpec(masterKey, "HmacSHA256"), purpose);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
