package dev.stockroom.adapters.rest.http;

import dev.stockroom.adapters.rest.error.RequestFailure;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over the limit with 413: before handing the body on when Content-Length says so,
 * otherwise while reading, so a chunked body cannot get past it. Multipart uploads get the larger
 * limit.
 */
@PreMatching
final class BodyLimitFilter implements ContainerRequestFilter {
    /** How far past the limit a declared body is still read (and thrown away) before the 413. */
    static final long DRAIN_LIMIT = 1024 * 1024;
    /**
     * The limit for a CSV import, which is streamed to a temporary file rather than held in
     * memory: room for {@code ProductCsvImport.MAX_ROWS} rows of about 650 bytes.
     */
    static final long IMPORT_LIMIT = 64L * 1024 * 1024;

    private static final String IMPORT_PATH = "products/import";

    private final long jsonLimit;
    private final long multipartLimit;

    BodyLimitFilter(long jsonLimit, long multipartLimit) {
        this.jsonLimit = jsonLimit;
        this.multipartLimit = multipartLimit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean multipart = type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
        long limit =
                !multipart ? jsonLimit : isImport(request) ? Math.max(IMPORT_LIMIT, multipartLimit) : multipartLimit;
        long declared = request.getLength();
        if (declared > limit) {
            if (declared <= limit + DRAIN_LIMIT && request.hasEntity()) {
                // Read a moderately large body before refusing it: closing the connection under a
                // client that is still sending resets it, and the client never sees the 413.
                drain(request.getEntityStream());
            }
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
        }
    }

    private static boolean isImport(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.endsWith("/") && path.length() > start ? path.length() - 1 : path.length();
        return path.substring(start, end).equals(IMPORT_PATH);
    }

    private static void drain(InputStream body) {
        byte[] buffer = new byte[8192];
        try {
            while (body.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // the client went away; the 413 is all that is left to try
        }
    }

    static RequestFailure tooLarge(long limit) {
        return new RequestFailure(
                RequestFailure.Kind.BODY_TOO_LARGE, "The request body is larger than " + humanSize(limit) + ".");
    }

    private static String humanSize(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
