package dev.stockroom.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JWT signing key: the configured one, or else one generated once and kept in the data
 * directory so that tokens survive a restart. Every instance behind a load balancer must share
 * the key, which is why production sets it explicitly.
 */
final class JwtKeys {
    private static final Logger LOG = LoggerFactory.getLogger(JwtKeys.class);
    static final String KEY_FILE = "jwt.key";

    private JwtKeys() {}

    static byte[] resolve(String configuredBase64, Path dataDir, SecureRandom random) {
        if (configuredBase64 != null && !configuredBase64.isBlank()) {
            return decode(configuredBase64.strip(), "jwt.secret / STOCKROOM_JWT_SECRET");
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                generate(file, random);
            }
            byte[] key = decode(Files.readString(file).strip(), file.toString());
            LOG.warn(
                    "No JWT secret configured: using the generated key in {}. Production must set "
                            + "STOCKROOM_JWT_SECRET (base64 of at least 32 random bytes), the same on every instance.",
                    file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT key file " + file, e);
        }
    }

    private static void generate(Path file, SecureRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        random.nextBytes(key);
        Path temp = Files.createTempFile(file.getParent(), "jwt", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data directory's own permissions have to do
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
            // Two processes starting at once: the first move wins, the second reads the winner's key.
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The JWT key in " + source + " is not valid base64.");
        }
        if (key.length < 32) {
            throw new IllegalArgumentException("The JWT key in " + source + " has " + key.length * 8
                    + " bits; at least 256 are required (base64 of 32 random bytes, e.g. `openssl rand -base64 32`).");
        }
        return key;
    }
}
