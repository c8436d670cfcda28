package dev.stockroom.core.throttling.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * At most {@code limit} counted events per subject in each fixed window of {@code window}, under
 * one named bucket. Windows are aligned to the epoch (an hour's window runs from one full hour to
 * the next, in UTC), so every instance of the service counts into the same window without agreeing
 * on anything but the time.
 *
 * @param name   the bucket the events are counted under, and the policy's name in the
 *               {@code RateLimit-Policy} header: 1 to 64 of {@code a-z 0-9 . _ -}
 * @param limit  the events a subject may have in one window
 * @param window the length of a window, in whole seconds
 */
public record RatePolicy(String name, int limit, Duration window) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");

    public RatePolicy {
        requireName(name);
        if (limit < 1) {
            throw new IllegalArgumentException(name + ": limit must be at least 1");
        }
        Objects.requireNonNull(window, "window");
        // Whole seconds: the windows are what the RateLimit-Policy header announces (w=, in seconds).
        if (window.getSeconds() < 1 || window.getNano() != 0) {
            throw new IllegalArgumentException(name + ": window must be a whole number of seconds, at least one");
        }
    }

    /** The window that {@code at} falls in. */
    public FixedWindow windowAt(Instant at) {
        return FixedWindow.containing(at, window);
    }

    static void requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "a policy name is 1 to 64 of a-z, 0-9, '.', '_' and '-', not '" + name + "'");
        }
    }
}
