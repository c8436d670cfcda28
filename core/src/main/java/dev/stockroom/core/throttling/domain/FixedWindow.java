package dev.stockroom.core.throttling.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One window of a fixed-window count: from {@code start} (inclusive) to {@code end} (exclusive).
 * Windows of one length are aligned to the epoch, so they never overlap and every instance finds
 * the same window for the same moment.
 */
public record FixedWindow(Instant start, Instant end) {

    public FixedWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
    }

    /** The window of {@code length} (whole seconds) that {@code at} falls in. */
    public static FixedWindow containing(Instant at, Duration length) {
        long seconds = length.getSeconds();
        if (seconds < 1 || length.getNano() != 0) {
            throw new IllegalArgumentException("a window is a whole number of seconds, at least one");
        }
        Instant start = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
        return new FixedWindow(start, start.plusSeconds(seconds));
    }

    /** How long from {@code now} until the window ends; zero once it has. */
    public Duration remainingAt(Instant now) {
        Duration left = Duration.between(now, end);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
