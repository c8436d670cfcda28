package dev.stockroom.core.account.hashing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id (version 19) hash in its PHC string form,
 * {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<parallelism>$<salt>$<hash>} (standard Base64
 * without padding). Every {@code PasswordHasher} that computes Argon2id, whether here with Bouncy
 * Castle or through a native library in an adapter, reads and writes stored hashes through this
 * one class, so they all produce and accept the same strings and refuse the same hostile ones.
 *
 * @param memoryKib   memory cost in KiB
 * @param iterations  time cost
 * @param parallelism lanes
 * @param salt        the salt, 8 to 66 bytes
 * @param hash        the derived bytes, 16 to 66 bytes
 */
@SuppressWarnings("ArrayRecordComponent") // never compared or printed whole: the hasher compares in constant time
public record Argon2idHash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    /** The OWASP minimum for new hashes: 19 MiB, 2 iterations, 1 lane. */
    public static final int MEMORY_KIB = 19 * 1024;

    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int SALT_BYTES = 16;
    public static final int HASH_BYTES = 32;

    // Limits on what an encoded hash may ask for, so a corrupt or hostile row cannot make
    // verification allocate gigabytes or spin for minutes.
    private static final int MAX_MEMORY_KIB = 1024 * 1024;
    private static final int MAX_ITERATIONS = 64;
    private static final int MAX_PARALLELISM = 16;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_BYTES = 66; // what the 88 Base64 characters PHC allows decode to

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** @throws IllegalArgumentException for parameters outside the limits {@link #parse} applies */
    public Argon2idHash {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hash, "hash");
        if (parallelism < 1
                || parallelism > MAX_PARALLELISM
                || iterations < 1
                || iterations > MAX_ITERATIONS
                || memoryKib < 8 * parallelism
                || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException(
                    "Argon2id parameters out of bounds: m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism);
        }
        if (salt.length < MIN_SALT_BYTES
                || salt.length > MAX_BYTES
                || hash.length < MIN_HASH_BYTES
                || hash.length > MAX_BYTES) {
            throw new IllegalArgumentException("Argon2id salt or hash length out of bounds");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /** A new hash with the default parameters. */
    public static Argon2idHash withDefaults(byte[] salt, byte[] hash) {
        return new Argon2idHash(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, hash);
    }

    /** Empty for anything that is not a well-formed Argon2id PHC string within the limits; never throws. */
    public static Optional<Argon2idHash> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher m = PHC.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Argon2idHash(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    B64_DECODER.decode(m.group(4)),
                    B64_DECODER.decode(m.group(5))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String encode() {
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Argon2idHash other
                && memoryKib == other.memoryKib
                && iterations == other.iterations
                && parallelism == other.parallelism
                && Arrays.equals(salt, other.salt)
                && Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memoryKib, iterations, parallelism, Arrays.hashCode(salt), Arrays.hashCode(hash));
    }

    /** The parameters only: a stored hash has no business in a log line. */
    @Override
    public String toString() {
        return "Argon2idHash[m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "]";
    }
}
