package dev.stockroom.bootstrap;

import dev.stockroom.core.account.hashing.Argon2idPasswordHasher;
import dev.stockroom.core.account.hashing.HashingPool;
import dev.stockroom.core.account.port.out.PasswordHasher;
import java.security.SecureRandom;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the Argon2id implementation the service runs and puts it behind the bounded
 * {@link HashingPool}; logs one line saying which runs.
 */
final class PasswordHashing {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordHashing.class);

    private PasswordHashing() {
    }

    static HashingPool pool(StockroomConfiguration.PasswordHashingSettings settings, SecureRandom random) {
        PasswordHasher hasher = implementation(settings.getImplementation(), random);
        HashingPool pool = new HashingPool(hasher, settings.effectiveThreads(), settings.getMaxWaiting());
        LOG.info("Password hashing: {}", pool);
        return pool;
    }

    private static PasswordHasher implementation(String choice, SecureRandom random) {
        String normalised = choice == null ? "" : choice.strip().toLowerCase(Locale.ROOT);
        switch (normalised) {
            case "java":
            case "auto":
                return new Argon2idPasswordHasher(random);
            default:
                throw new IllegalArgumentException("passwordHashing.implementation / STOCKROOM_PASSWORD_HASHER must be "
                        + "auto, native or java, not '" + choice + "'");
        }
    }
}
