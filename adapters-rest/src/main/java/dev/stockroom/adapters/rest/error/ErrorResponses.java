package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.shared.RetryAfter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds error responses in the envelope, with the headers their status calls for. */
public final class ErrorResponses {
    private ErrorResponses() {}

    public static Response of(int status, String message) {
        return of(status, message, Map.of());
    }

    public static Response of(int status, String message, Map<String, List<String>> errors) {
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message, errors));
        if (status == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stockroom\"");
        }
        return builder.build();
    }

    /**
     * The response with {@code Retry-After}: the wait in whole seconds, rounded up, at least 1. The
     * only place the header is computed.
     */
    public static Response withRetryAfter(Response response, Duration wait) {
        long seconds = Math.max(1, RetryAfter.roundUp(wait).toSeconds());
        return Response.fromResponse(response)
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    public static Response unauthorized(String message) {
        return of(401, message);
    }

    /** A default sentence for a bare HTTP status raised by Jersey or Jetty. */
    public static String messageFor(int status) {
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "Authentication credentials were not provided or are not valid.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "Not found.";
            case 405 -> "Method not allowed.";
            case 406 -> "This resource can only answer with JSON.";
            case 411 -> "A Content-Length is required.";
            case 412 -> "The resource has changed since you read it.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported media type; send application/json.";
            case 429 -> "Too many requests; try again later.";
            case 431 -> "The request headers are too large.";
            case 503 -> "The service is temporarily unavailable; try again shortly.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request could not be handled.";
        };
    }
}
