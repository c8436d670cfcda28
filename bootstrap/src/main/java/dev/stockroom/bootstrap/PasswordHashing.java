package dev.stockroom.bootstrap;

import dev.stockroom.adapters.hashing.LowPriorityThreadFactory;
import dev.stockroom.adapters.hashing.NativeArgon2idPasswordHasher;
import dev.stockroom.core.account.hashing.Argon2idPasswordHasher;
import dev.stockroom.core.account.hashing.HashingPool;
import dev.stockroom.core.account.port.out.PasswordHasher;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the Argon2id implementation the service runs (libargon2 when it loads, Bouncy Castle
 * otherwise or when asked) and puts it behind the bounded {@link HashingPool}; logs one line
 * saying which runs, and a warning when the native one was wanted and could not load.
 */
final class PasswordHashing {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordHashing.class);
    private static final String SETTING = "passwordHashing.implementation / STOCKROOM_PASSWORD_HASHER";

    private PasswordHashing() {}

    static HashingPool pool(StockroomConfiguration.PasswordHashingSettings settings, SecureRandom random) {
        PasswordHasher hasher = implementation(settings.implementation, random);
        int threads = settings.effectiveThreads();
        String priority = "at normal priority";
        HashingPool pool;
        if (settings.lowPriority) {
            LowPriorityThreadFactory low = new LowPriorityThreadFactory();
            pool = new HashingPool(hasher, threads, settings.maxWaiting, low);
            priority = low.lowersPriority() ? "at nice " + low.niceness() : "at normal priority (cannot lower it here)";
        } else {
            pool = new HashingPool(hasher, threads, settings.maxWaiting);
        }
        LOG.info("Password hashing: {} {}", pool, priority);
        return pool;
    }

    private static PasswordHasher implementation(String choice, SecureRandom random) {
        String normalised = choice == null ? "" : choice.strip().toLowerCase(Locale.ROOT);
        return switch (normalised) {
            case "java" -> new Argon2idPasswordHasher(random);
            case "native" ->
                loadNative(random)
                        .orElseThrow(() -> new IllegalStateException(
                                "libargon2 could not be loaded on this platform, and " + SETTING + " is 'native'"));
            case "auto" ->
                loadNative(random).orElseGet(() -> {
                    LOG.warn("libargon2 could not be loaded here: hashing passwords with Bouncy Castle's pure-Java "
                            + "Argon2id, about half as fast (same hashes; see the README on heap settings)");
                    return new Argon2idPasswordHasher(random);
                });
            default ->
                throw new IllegalArgumentException(SETTING + " must be auto, native or java, not '" + choice + "'");
        };
    }

    private static Optional<PasswordHasher> loadNative(SecureRandom random) {
        return NativeArgon2idPasswordHasher.load(random, why -> LOG.info("libargon2 did not load: {}", why.toString()));
    }
}
