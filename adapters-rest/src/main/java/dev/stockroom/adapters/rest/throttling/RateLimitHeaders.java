package dev.stockroom.adapters.rest.throttling;

import dev.stockroom.core.shared.RetryAfter;
import dev.stockroom.core.throttling.domain.RatePolicy;
import dev.stockroom.core.throttling.domain.RateStatus;
import java.time.Duration;

/**
 * The {@code RateLimit-Policy} and {@code RateLimit} fields of draft-ietf-httpapi-ratelimit-headers
 * (draft 11): structured-field lists of one item each, the policy's name as a string with its
 * parameters, {@code "login";q=100;w=3600} and {@code "login";r=37;t=1800}. {@code t} is the wait
 * until the window ends, rounded up as {@code Retry-After} is.
 */
final class RateLimitHeaders {
    static final String POLICY = "RateLimit-Policy";
    static final String LIMIT = "RateLimit";

    private RateLimitHeaders() {}

    static String policy(RatePolicy policy) {
        return "\"" + policy.name() + "\";q=" + policy.limit() + ";w="
                + policy.window().toSeconds();
    }

    static String limit(RateStatus status) {
        return "\"" + status.policy().name() + "\";r=" + status.remaining() + ";t=" + seconds(status.resetAfter());
    }

    /** Whole seconds, rounded up: the rounding of {@code Retry-After}, without its floor of 1. */
    static long seconds(Duration wait) {
        return RetryAfter.roundUp(wait).toSeconds();
    }
}
