package dev.stockroom.adapters.hashing;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import dev.stockroom.core.account.hashing.Argon2idHash;
import dev.stockroom.core.account.hashing.Argon2idHasher;
import dev.stockroom.core.account.port.out.PasswordHasher;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Argon2id computed by the reference C implementation (libargon2, shipped inside argon2-jvm and
 * called over JNA), about twice as fast as Bouncy Castle's pure Java at the same cost. The
 * parameters, the PHC strings and the limits on stored hashes are core's {@link Argon2idHash}, so
 * this hasher and core's {@code Argon2idPasswordHasher} verify each other's hashes and can replace
 * each other at any time. Where libargon2 may be missing, build it through {@link #load}.
 */
public final class NativeArgon2idPasswordHasher extends Argon2idHasher {
    // Thread-safe and stateless; its own salt generator and PHC encoder are not used.
    private static final Argon2Advanced ARGON2 = Argon2Factory.createAdvanced(
            Argon2Factory.Argon2Types.ARGON2id, Argon2idHash.SALT_BYTES, Argon2idHash.HASH_BYTES);

    // A hash made by core's Bouncy Castle hasher: the self-test proves that both compute the same function.
    private static final String KNOWN_PASSWORD = "correct horse battery staple";
    private static final String KNOWN_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$Adu7TpukAIg5/MmgeAA1VQ$9srPMGSADOAnLj7tcSYK2d09YEnjObbQ6TRYkrXriO8";

    /** @throws LinkageError when libargon2 (or JNA) cannot be loaded on this platform */
    public NativeArgon2idPasswordHasher() {
        this(new SecureRandom());
    }

    /** @throws LinkageError when libargon2 (or JNA) cannot be loaded on this platform */
    public NativeArgon2idPasswordHasher(SecureRandom random) {
        super(random);
        // The cheapest hash there is, so that a missing library fails here, not at the first login.
        ARGON2.pbkdf(1, 8, 1, new byte[1], new byte[8], 16);
    }

    /** This hasher if libargon2 loads and passes a self-test here; otherwise empty. */
    public static Optional<PasswordHasher> load(SecureRandom random) {
        return load(random, failure -> {});
    }

    /**
     * This hasher if libargon2 loads and passes a self-test here; otherwise empty, after telling
     * {@code whyNot} what went wrong, so that the caller can log it and fall back to Bouncy Castle.
     */
    public static Optional<PasswordHasher> load(SecureRandom random, Consumer<? super Throwable> whyNot) {
        Objects.requireNonNull(random, "random");
        try {
            NativeArgon2idPasswordHasher hasher = new NativeArgon2idPasswordHasher(random);
            String probe = "self-test \u00e9\u00e8";
            if (!hasher.matches(KNOWN_PASSWORD, KNOWN_HASH) || !hasher.matches(probe, hasher.hash(probe))) {
                throw new IllegalStateException(
                        "libargon2 loaded but computes a different Argon2id than Bouncy Castle");
            }
            return Optional.of(hasher);
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError, NoClassDefFoundError and ExceptionInInitializerError when JNA or the
            // library is missing or built for another platform; IllegalStateException from a failed call.
            whyNot.accept(e);
            return Optional.empty();
        }
    }

    /**
     * argon2id_hash_raw with the given output length. argon2-jvm's {@code rawHash} is the same call
     * but always with the factory's default length; a stored hash may have another.
     */
    @Override
    protected byte[] argon2id(
            byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        return ARGON2.pbkdf(iterations, memoryKib, parallelism, password, salt, length);
    }

    @Override
    public String toString() {
        return "NativeArgon2idPasswordHasher[libargon2, m=" + Argon2idHash.MEMORY_KIB + ",t=" + Argon2idHash.ITERATIONS
                + ",p=" + Argon2idHash.PARALLELISM + "]";
    }
}
