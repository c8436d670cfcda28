package dev.stockroom.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bug: logged with an id the client can quote; the body never carries a stack trace. */
final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
        LOG.error("Unexpected error {}", id, e);
        return ErrorResponses.of(500, "Something went wrong on our side (error " + id + ").");
    }
}
