package org.craftmark.server.privacy;

import org.craftmark.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the ID-number key comes from: {@code --id-key} (or {@code CRAFTMARK_ID_KEY}) when given —
 * what a production server should do, keeping the key out of the database's backups — else a key
 * file in the data directory, created on first start so the demo needs no setup.
 */
public final class IdNumberKeys {
    private static final Logger LOG = LoggerFactory.getLogger(IdNumberKeys.class);
    static final String KEY_FILE = "id-number.key";

    private IdNumberKeys() {
    }

    public static IdNumberVault vaultFor(ServerConfig config) {
        return new IdNumberVault(config.idKey().map(IdNumberKeys::decode).orElseGet(() -> fromFile(config.dataDir())));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--id-key must be Base64 (e.g. from: openssl rand -base64 32)", e);
        }
    }

    private static byte[] fromFile(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ID-number key file " + KEY_FILE, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process of the same data directory made it first: use theirs
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        LOG.warn("created a new ID-number key file {} in the data directory; back it up apart from the database, or pass --id-key",
                KEY_FILE);
    }
}
