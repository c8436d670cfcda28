package dev.stockroom.core.account.hashing;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id with the OWASP minimum (19 MiB, 2 iterations, parallelism 1), a 16-byte random salt
 * and a 32-byte hash, encoded as a PHC string ({@link Argon2idHash}):
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (standard Base64 without padding).
 * Verification reads the parameters from the encoded hash, so they can be raised later without
 * invalidating stored passwords. The password is hashed as UTF-8, whole: never truncated.
 */
public final class Argon2idPasswordHasher extends Argon2idHasher {

    public Argon2idPasswordHasher() {
        this(new SecureRandom());
    }

    public Argon2idPasswordHasher(SecureRandom random) {
        super(random);
    }

    @Override
    protected byte[] argon2id(
            byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    @Override
    public String toString() {
        return "Argon2idPasswordHasher[m=" + Argon2idHash.MEMORY_KIB + ",t=" + Argon2idHash.ITERATIONS + ",p="
                + Argon2idHash.PARALLELISM + "]";
    }
}
