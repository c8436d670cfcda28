package dev.stockroom.adapters.rest.error;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request the REST adapter refuses itself, before any use case sees it: a body, form, path id or
 * {@code If-Match} it cannot read. Named by its {@link Kind}, like the core's failures; the status
 * of each kind is written once, in {@link RequestFailureMapper}.
 *
 * <p>A {@link WebApplicationException}, unlike the core's failures, because it is also thrown
 * where no resource method runs (pre-matching filters, the body stream under a reader), and there
 * Jersey hands a WebApplicationException to the mappers as it is.
 */
public final class RequestFailure extends WebApplicationException {
    private static final long serialVersionUID = 1L;
    static final String INVALID_FIELDS_MESSAGE = "Some fields are not valid.";

    private final Kind kind;
    private final transient Map<String, List<String>> fieldErrors;

    public enum Kind {
        /** Fields of a body or form the adapter reads itself are missing or malformed. */
        INVALID_FIELDS,
        /** The body is not the JSON or the form the endpoint reads. */
        MALFORMED_BODY,
        /** A path segment that cannot be an id: it names nothing, like an id nobody has. */
        UNKNOWN_ID,
        /** An {@code If-Match} that is no tag we issued, so matches no version. */
        IF_MATCH_MISMATCH,
        /** The body is over the size limit. */
        BODY_TOO_LARGE,
        /** A body whose {@code Content-Type} is a wildcard, which says nothing. */
        WILDCARD_CONTENT_TYPE
    }

    public RequestFailure(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public RequestFailure(Kind kind, String message, Map<String, List<String>> fieldErrors) {
        super(message, RequestFailureMapper.status(Objects.requireNonNull(kind, "kind")));
        this.kind = kind;
        this.fieldErrors = Map.copyOf(Objects.requireNonNull(fieldErrors, "fieldErrors"));
    }

    /** One field at fault, worded as the core's {@code InvalidInput} is. */
    public static RequestFailure invalidField(String field, String problem) {
        return new RequestFailure(Kind.INVALID_FIELDS, INVALID_FIELDS_MESSAGE, Map.of(field, List.of(problem)));
    }

    public Kind kind() {
        return kind;
    }

    /** Field name (as in the API) to what is wrong with it; empty when no single field is at fault. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }
}
