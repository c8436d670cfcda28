package dev.stockroom.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bug: logged with an id the client can quote; the body never carries a stack trace. Unless the
 * request itself was broken: a body Jetty could not read (a bad chunk, an early end), or a header
 * Jersey could not parse when something asked for it (an {@code If-None-Match: garbage}), reaches
 * here wrapped in whatever was reading it, and is the client's 400, not a bug.
 */
final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
    // Enough for Jersey's and Jackson's wrapping; a cause chain that loops must not hang a request.
    private static final int MAX_CAUSES = 16;

    @Override
    public Response toResponse(Throwable e) {
        OptionalInt broken = brokenRequest(e);
        if (broken.isPresent()) {
            LOG.debug("Unreadable request: {}", e.toString());
            return ErrorResponses.of(broken.getAsInt(), ErrorResponses.messageFor(broken.getAsInt()));
        }
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
        LOG.error("Unexpected error {}", id, e);
        return ErrorResponses.of(500, "Something went wrong on our side (error " + id + ").");
    }

    /** The 4xx Jetty gave a request it could not read, or 400 for a body that ended early or a bad header. */
    static OptionalInt brokenRequest(Throwable e) {
        Throwable cause = e;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return OptionalInt.of(http.getCode());
            }
            if (cause instanceof EofException) {
                return OptionalInt.of(400);
            }
            // Jersey's own runtime answers 400 for these when no mapper claims them; ours claims every Throwable.
            if (cause instanceof HeaderValueException header
                    && header.getContext() == HeaderValueException.Context.INBOUND) {
                return OptionalInt.of(400);
            }
        }
        return OptionalInt.empty();
    }
}
