package dev.stockroom.adapters.rest.http;

import java.net.URI;
import java.util.function.Consumer;

/** The request and response filters every Stockroom resource relies on. */
public final class HttpFilters {
    public static final long JSON_BODY_LIMIT = 64 * 1024;

    private HttpFilters() {}

    /**
     * Registers the request filters every resource relies on.
     *
     * @param uploadLimit largest multipart body accepted (the photo limit plus room for the form's other parts)
     */
    public static void register(Consumer<Object> jersey, long uploadLimit) {
        jersey.accept(new RequestIdFilter());
        jersey.accept(new TrailingSlashFilter());
        jersey.accept(new ConcreteMediaTypeFilter());
        jersey.accept(new BodyLimitFilter(JSON_BODY_LIMIT, uploadLimit));
        jersey.accept(new SecurityHeadersResponseFilter());
    }

    /**
     * Resolves every request's {@link ClientAddress} (the socket's peer, or what a trusted proxy
     * says it forwarded for) and keeps it on the request for limits and logs.
     */
    public static void registerClientAddresses(Consumer<Object> jersey, TrustedProxies trustedProxies) {
        jersey.accept(new ClientAddressFilter(trustedProxies));
    }

    /**
     * Makes every link the API writes start with {@code publicBaseUrl} instead of the request's base.
     *
     * @param publicBaseUrl an absolute http(s) URL without query or fragment
     */
    public static void registerPublicBaseUrl(Consumer<Object> jersey, URI publicBaseUrl) {
        jersey.accept(new PublicBaseUrlFilter(publicBaseUrl));
    }
}
