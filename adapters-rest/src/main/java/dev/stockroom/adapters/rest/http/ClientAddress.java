package dev.stockroom.adapters.rest.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Arrays;
import java.util.Objects;

/**
 * The address of the client a request comes from, resolved once per request (by a filter that
 * {@link HttpFilters#registerClientAddresses} registers) from the socket's peer and, when the peer is
 * a {@link TrustedProxies trusted proxy}, its {@code X-Forwarded-For}. A resource method reads it
 * with {@code ClientAddress.of(request)} from an {@code @Context ContainerRequestContext} or an
 * {@code @Context HttpServletRequest}:
 *
 * <pre>
 * &#64;POST &#64;Path("/login")
 * public Reply logIn(&#64;Context ContainerRequestContext request, LoginRequest body) {
 *     String ip = ClientAddress.of(request).value();   // "203.0.113.7", "2001:db8::1"
 * }</pre>
 *
 * IPv4 comes in dotted-quad form, IPv6 in RFC 5952's form, an IPv4-mapped IPv6 address as its
 * IPv4 address. When the peer is no IP address at all (a test container without a socket), the
 * value is {@value #UNKNOWN}.
 */
public final class ClientAddress {
    /** The request property (and, under a servlet container, the request attribute) it is kept under. */
    public static final String PROPERTY = "dev.stockroom.clientAddress";
    /** The value when the peer gave no IP address. */
    public static final String UNKNOWN = "unknown";

    private final byte[] bytes;
    private final String value;

    private ClientAddress(byte[] bytes, String value) {
        this.bytes = bytes;
        this.value = value;
    }

    static ClientAddress of(byte[] address) {
        return new ClientAddress(address.clone(), IpLiterals.format(address));
    }

    static ClientAddress unknown() {
        return new ClientAddress(null, UNKNOWN);
    }

    /**
     * The client address of the request being handled.
     *
     * @throws IllegalStateException when the filter that resolves it is not registered
     */
    public static ClientAddress of(ContainerRequestContext request) {
        return required(request.getProperty(PROPERTY));
    }

    /** The same for the servlet request, whose attributes hold Jersey's request properties. */
    public static ClientAddress of(HttpServletRequest request) {
        return required(request.getAttribute(PROPERTY));
    }

    private static ClientAddress required(Object property) {
        if (property instanceof ClientAddress address) {
            return address;
        }
        throw new IllegalStateException("No client address on this request: HttpFilters.registerClientAddresses "
                + "must be registered with the API");
    }

    /** The address as text: {@code 203.0.113.7}, {@code 2001:db8::1}, or {@value #UNKNOWN}. */
    public String value() {
        return value;
    }

    /**
     * What limits per client count under: the IPv4 address, or the /64 network of an IPv6 address,
     * which is what one subscriber is given and can use up address by address.
     */
    public String limitKey() {
        if (bytes == null || bytes.length == 4) {
            return value;
        }
        byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
        return IpLiterals.format(network) + "/64";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientAddress a && a.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
