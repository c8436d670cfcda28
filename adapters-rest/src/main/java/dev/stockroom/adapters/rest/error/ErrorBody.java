package dev.stockroom.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The one error shape: {@code {"status": false, "message": "...", "errors": {"field": ["..."]},
 * "request_id": "..."}}; the request's id is filled in on the way out ({@link RequestIdInErrors}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(
        @JsonProperty("status") boolean status,
        @JsonProperty("message") String message,
        @JsonProperty("errors") Map<String, List<String>> errors,
        @JsonProperty("request_id") String requestId) {

    public ErrorBody(String message, Map<String, List<String>> errors) {
        this(false, message, errors == null ? Map.of() : errors, null);
    }

    /** The same error in other words (another language), for the same fields and request. */
    ErrorBody withTexts(String newMessage, Map<String, List<String>> newErrors) {
        return new ErrorBody(status, newMessage, newErrors, requestId);
    }

    /** The same error, for the request with this id. */
    public ErrorBody withRequestId(String id) {
        return new ErrorBody(status, message, errors, id);
    }
}
