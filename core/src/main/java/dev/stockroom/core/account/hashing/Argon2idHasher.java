package dev.stockroom.core.account.hashing;

import dev.stockroom.core.account.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What every Argon2id {@link PasswordHasher} of Stockroom shares: a random salt per hash, the PHC
 * string and the limits of {@link Argon2idHash}, the password as its whole UTF-8 bytes (wiped after
 * use), and a constant-time comparison. Subclasses only compute the raw function, so that every
 * implementation reads and writes the same strings and verifies the others' hashes.
 */
public abstract class Argon2idHasher implements PasswordHasher {
    private final SecureRandom random;

    protected Argon2idHasher(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public final String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[Argon2idHash.SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(
                password,
                salt,
                Argon2idHash.MEMORY_KIB,
                Argon2idHash.ITERATIONS,
                Argon2idHash.PARALLELISM,
                Argon2idHash.HASH_BYTES);
        return Argon2idHash.withDefaults(salt, hash).encode();
    }

    @Override
    public final boolean matches(String password, String encodedHash) {
        Optional<Argon2idHash> stored = Argon2idHash.parse(encodedHash);
        if (password == null || stored.isEmpty()) {
            return false;
        }
        Argon2idHash s = stored.get();
        byte[] expected = s.hash();
        byte[] actual = derive(password, s.salt(), s.memoryKib(), s.iterations(), s.parallelism(), expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try {
            return argon2id(secret, salt, memoryKib, iterations, parallelism, length);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Argon2id, version 0x13, of {@code password} (UTF-8 bytes, wiped by the caller afterwards) with
     * these parameters, {@code length} bytes long. The parameters are within {@link Argon2idHash}'s
     * limits.
     */
    protected abstract byte[] argon2id(
            byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length);
}
