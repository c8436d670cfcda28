package dev.stockroom.bootstrap;

import dev.stockroom.adapters.rest.security.EcKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JWT signing keys: the configured one, or else one generated once and kept in the data
 * directory so that tokens survive a restart: {@value #KEY_FILE} (base64) for HS256, {@value
 * #ES256_KEY_FILE} (PEM PKCS#8, P-256) for ES256. Every instance behind a load balancer must share
 * the key, which is why production sets it explicitly.
 */
final class JwtKeys {
    private static final Logger LOG = LoggerFactory.getLogger(JwtKeys.class);
    static final String KEY_FILE = "jwt.key";
    static final String ES256_KEY_FILE = "jwt-es256.pem";

    private JwtKeys() {}

    static byte[] resolve(String configuredBase64, Path dataDir, SecureRandom random) {
        if (configuredBase64 != null && !configuredBase64.isBlank()) {
            return decode(configuredBase64.strip(), "jwt.secret / STOCKROOM_JWT_SECRET");
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                writeOwnerOnly(file, Base64.getEncoder().encodeToString(key) + "\n");
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

    /**
     * The ES256 key pair: of {@code configured} (PEM, or the path of a PEM file), or else of the
     * key generated into the data directory on first use. A configured key that does not parse is
     * an {@link IllegalArgumentException} saying so, for the caller to name the setting.
     */
    static KeyPair resolveEs256(String configured, Path dataDir, SecureRandom random) {
        if (configured != null && !configured.isBlank()) {
            return EcKeys.privateKey(pem(configured));
        }
        Path file = dataDir.resolve(ES256_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                writeOwnerOnly(file, EcKeys.toPem(EcKeys.generate(random).getPrivate()));
            }
            KeyPair key;
            try {
                key = EcKeys.privateKey(Files.readString(file));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The generated JWT key file " + file + " is " + e.getMessage()
                        + "; delete it to have a new one generated.");
            }
            LOG.warn(
                    "No JWT private key configured: using the generated ES256 key in {} (kid {}). Production must set "
                            + "STOCKROOM_JWT_PRIVATE_KEY (PEM PKCS#8, P-256), the same on every instance.",
                    file,
                    EcKeys.thumbprint((ECPublicKey) key.getPublic()));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT key file " + file, e);
        }
    }

    /** A retired key's public key: {@code configured} is PEM (public or private key) or the path of a PEM file. */
    static ECPublicKey retiredKey(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException(EcKeys.NOT_A_KEY);
        }
        return EcKeys.publicKey(pem(configured));
    }

    /**
     * PEM text itself, or read from the file {@code configured} names. An environment variable
     * cannot always hold line breaks: a literal {@code \n} counts as one.
     */
    static String pem(String configured) {
        if (EcKeys.isPem(configured)) {
            return configured.replace("\\n", "\n");
        }
        Path file = Path.of(configured.strip());
        try {
            return Files.readString(file);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("neither PEM nor a readable file (" + file + ": "
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "jwt", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data directory's own permissions have to do
            }
            Files.writeString(temp, content);
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
