package dev.stockroom.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The HTTP answer to every request failure, and the only place its status is written. */
final class RequestFailureMapper implements ExceptionMapper<RequestFailure> {

    /** No {@code default}: a new kind does not compile until it has a status here. */
    static int status(RequestFailure.Kind kind) {
        return switch (kind) {
            case INVALID_FIELDS -> 400;
            case MALFORMED_BODY -> 400;
            case UNKNOWN_ID -> 404;
            case IF_MATCH_MISMATCH -> 412;
            case BODY_TOO_LARGE -> 413;
            case WILDCARD_CONTENT_TYPE -> 415;
        };
    }

    @Override
    public Response toResponse(RequestFailure failure) {
        return answer(failure);
    }

    static Response answer(RequestFailure failure) {
        return ErrorResponses.of(status(failure.kind()), failure.getMessage(), failure.fieldErrors());
    }
}
