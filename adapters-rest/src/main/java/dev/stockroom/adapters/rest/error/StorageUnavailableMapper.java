package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.shared.StorageUnavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database or the disk is down or did not answer in time: 503 with a hint to retry, the cause
 * only in the log. An outage fails every request, so the log gets one WARN line (the cause's
 * message, no stack) at most every {@link #LOG_INTERVAL_NANOS}, with how many were answered so
 * since the last line; a stack trace helps nobody here, the next line of the database's log does.
 */
final class StorageUnavailableMapper implements ExceptionMapper<StorageUnavailable> {
    private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableMapper.class);
    static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final AtomicLong nextLog = new AtomicLong(System.nanoTime());
    private final AtomicLong unlogged = new AtomicLong();

    @Override
    public Response toResponse(StorageUnavailable e) {
        long now = System.nanoTime();
        long due = nextLog.get();
        if (now - due >= 0 && nextLog.compareAndSet(due, now + LOG_INTERVAL_NANOS)) {
            long others = unlogged.getAndSet(0);
            LOG.warn("Storage unavailable, answering 503 ({} more since the last line): {}", others, rootMessage(e));
        } else {
            unlogged.incrementAndGet();
        }
        return ErrorResponses.withRetryAfter(ErrorResponses.of(503, ErrorResponses.messageFor(503)), RETRY_AFTER);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < 16 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + ": " + root;
    }
}
