package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.shared.Overloaded;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * No capacity for the request right now: 503 with {@code Retry-After}, at once. Not logged per
 * request: under the flood that causes it, a line each would be a second flood.
 */
final class OverloadedMapper implements ExceptionMapper<Overloaded> {

    @Override
    public Response toResponse(Overloaded e) {
        return ErrorResponses.withRetryAfter(ErrorResponses.of(503, e.getMessage()), e.retryAfter());
    }
}
