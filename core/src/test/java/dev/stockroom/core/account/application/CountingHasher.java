package dev.stockroom.core.account.application;

import dev.stockroom.core.account.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** A cheap stand-in for Argon2 in service tests; counts the hashing work a use case does. */
final class CountingHasher implements PasswordHasher {
    private static final String PREFIX = "counting$";
    final AtomicInteger hashes = new AtomicInteger();
    final AtomicInteger verifications = new AtomicInteger();

    @Override
    public String hash(String password) {
        hashes.incrementAndGet();
        return PREFIX + Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean matches(String password, String encodedHash) {
        verifications.incrementAndGet();
        return encodedHash.startsWith(PREFIX)
                && encodedHash.equals(
                        PREFIX + Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
    }
}
