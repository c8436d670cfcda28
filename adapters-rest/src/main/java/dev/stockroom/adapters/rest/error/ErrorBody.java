package dev.stockroom.adapters.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The one error shape: {@code {"status": false, "message": "...", "errors": {"field": ["..."]}}}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorBody(
        @JsonProperty("status") boolean status,
        @JsonProperty("message") String message,
        @JsonProperty("errors") Map<String, List<String>> errors) {

    public ErrorBody(String message, Map<String, List<String>> errors) {
        this(false, message, errors == null ? Map.of() : errors);
    }
}
