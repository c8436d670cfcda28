package dev.stockroom.core.account.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed logins for one login name are limited: {@code maxFailures} failures within
 * {@code window} of the first one lock that name out for {@code lockout}, whatever password comes
 * next. A new window starts with the first failure after the old one has passed or a lockout has
 * ended.
 *
 * @param maxFailures the failure that reaches this count starts the lockout
 * @param window      how long failures keep counting after the first of them
 * @param lockout     how long the name is refused once the limit is reached
 */
public record LoginThrottle(int maxFailures, Duration window, Duration lockout) {

    public LoginThrottle {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        requirePositive(window, "window");
        requirePositive(lockout, "lockout");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
