package dev.stockroom.core.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * The service has no capacity for this request right now (every password-hashing thread busy and
 * its queue full, say) and refuses it at once rather than letting work pile up. Nothing was
 * changed; the same request may succeed after {@link #retryAfter()}. The REST edge answers 503.
 */
public final class Overloaded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public Overloaded(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
