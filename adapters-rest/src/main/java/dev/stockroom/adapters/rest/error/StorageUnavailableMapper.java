package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.shared.StorageUnavailable;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database or the disk is down: 503 with a hint to retry, the cause only in the log. */
final class StorageUnavailableMapper implements ExceptionMapper<StorageUnavailable> {
    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableMapper.class);

    @Override
    public Response toResponse(StorageUnavailable e) {
        LOG.error("Storage unavailable: {}", e.getMessage(), e);
        return Response.fromResponse(ErrorResponses.of(503, ErrorResponses.messageFor(503)))
                .header(HttpHeaders.RETRY_AFTER, 5)
                .build();
    }
}
