package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.shared.InvalidData;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database refused a value of the request that validation let through: the client's 400, in
 * the envelope, with no SQL in the body. Logged at INFO with the cause, as the sign of a check
 * validation is missing.
 */
final class InvalidDataMapper implements ExceptionMapper<InvalidData> {
    private static final Logger LOG = LoggerFactory.getLogger(InvalidDataMapper.class);
    static final String MESSAGE = "The request holds a value that cannot be stored.";

    @Override
    public Response toResponse(InvalidData e) {
        LOG.info(
                "Data refused by the database, answering 400: {}",
                e.getCause() == null ? e : e.getCause().toString());
        return ErrorResponses.of(400, MESSAGE);
    }
}
