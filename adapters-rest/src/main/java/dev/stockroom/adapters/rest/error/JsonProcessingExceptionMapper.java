package dev.stockroom.adapters.rest.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.stockroom.adapters.rest.error.RequestFailure.Kind;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Bad JSON is the client's fault: 400 with the offending field where Jackson knows it. Never echoes input. */
final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        return RequestFailureMapper.answer(failureOf(e));
    }

    /** What Jackson could not read, as the adapter's own failure. */
    static RequestFailure failureOf(JsonProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // Jackson wraps what the body stream throws, such as the body limit's 413.
            if (cause instanceof RequestFailure refusal) {
                return refusal;
            }
        }
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return new RequestFailure(Kind.MALFORMED_BODY, "The request body is not valid JSON.");
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new RequestFailure(
                    Kind.MALFORMED_BODY,
                    "The request has fields that are not accepted.",
                    Map.of(unknown.getPropertyName(), List.of("Unknown or read-only field.")));
        }
        String problem = e instanceof InvalidFormatException || e instanceof MismatchedInputException
                ? "Has the wrong type."
                : "Is not valid.";
        if (field.isEmpty()) {
            return new RequestFailure(Kind.MALFORMED_BODY, "The request body must be a JSON object.");
        }
        return RequestFailure.invalidField(field, problem);
    }
}
