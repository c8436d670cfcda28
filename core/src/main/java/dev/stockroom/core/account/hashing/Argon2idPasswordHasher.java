package dev.stockroom.core.account.hashing;

import dev.stockroom.core.account.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id with the OWASP minimum (19 MiB, 2 iterations, parallelism 1), a 16-byte random salt
 * and a 32-byte hash, encoded as a PHC string ({@link Argon2idHash}):
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard Base64 without padding).
 * Verification reads the parameters from the encoded hash, so they can be raised later without
 * invalidating stored passwords. The password is hashed as UTF-8, whole: never truncated.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    private final SecureRandom random;

    public Argon2idPasswordHasher() {
        this(new SecureRandom());
    }

    public Argon2idPasswordHasher(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[Argon2idHash.SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, Argon2idHash.MEMORY_KIB, Argon2idHash.ITERATIONS,
                Argon2idHash.PARALLELISM, Argon2idHash.HASH_BYTES);
        return Argon2idHash.withDefaults(salt, hash).encode();
    }

    @Override
    public boolean matches(String password, String encodedHash) {
        Optional<Argon2idHash> stored = Argon2idHash.parse(encodedHash);
        if (password == null || stored.isEmpty()) {
            return false;
        }
        Argon2idHash s = stored.get();
        byte[] expected = s.hash();
        byte[] actual = derive(password, s.salt(), s.memoryKib(), s.iterations(), s.parallelism(), expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Argon2idPasswordHasher[m=" + Argon2idHash.MEMORY_KIB + ",t=" + Argon2idHash.ITERATIONS
                + ",p=" + Argon2idHash.PARALLELISM + "]";
    }
}
