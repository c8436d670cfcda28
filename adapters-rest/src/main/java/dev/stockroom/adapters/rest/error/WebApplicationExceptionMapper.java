package dev.stockroom.adapters.rest.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jersey's own refusals (unknown path, wrong method, unsupported media type...) in the envelope,
 * keeping the headers that matter (Allow on 405, Retry-After).
 */
final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Request failed with {}", status, e);
        }
        // Jersey's own messages are not written for people ("HTTP 404 Not Found"); the adapter's
        // own refusals are RequestFailures, with their own mapper.
        String message = ErrorResponses.messageFor(status);
        Response.ResponseBuilder builder = Response.fromResponse(ErrorResponses.of(status, message));
        for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG}) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        return builder.build();
    }
}
