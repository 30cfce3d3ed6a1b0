package org.craftmark.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (OWASP's parameters: 19 MiB, 2 passes, 1 lane), stored as PHC
 * strings so parameters can be raised later without breaking existing hashes.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 128;

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked against when the username is unknown, so both answers take the same time. */
    private static final String DECOY_HASH = hash("craftmark-decoy-password");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public static boolean matches(String password, String storedHash) {
        return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
    }

    /** Spends the time of a real check, for a username that does not exist. */
    public static void checkDecoy(String password) {
        matches(password, DECOY_HASH);
    }
}
