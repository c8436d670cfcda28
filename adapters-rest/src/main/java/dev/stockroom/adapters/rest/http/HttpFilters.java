package dev.stockroom.adapters.rest.http;

import io.dropwizard.jersey.setup.JerseyEnvironment;

/** The request and response filters every Stockroom resource relies on. */
public final class HttpFilters {
    public static final long JSON_BODY_LIMIT = 64 * 1024;

    private HttpFilters() {
    }

    /** @param uploadLimit largest multipart body accepted (the photo limit plus room for the form's other parts) */
    public static void register(JerseyEnvironment jersey, long uploadLimit) {
        jersey.register(new TrailingSlashFilter());
        jersey.register(new BodyLimitFilter(JSON_BODY_LIMIT, uploadLimit));
        jersey.register(new NoStoreFilter());
    }
}
