package dev.stockroom.adapters.rest.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the client address of a request: the socket's peer, unless the peer is a trusted proxy;
 * then the right-most {@code X-Forwarded-For} entry that is not a trusted proxy (each proxy appends
 * the address it received the request from, so entries left of the first untrusted one are
 * whatever the client chose to send). When every entry is trusted, the left-most is the client.
 *
 * <p>A header that cannot be read as a list of addresses (empty entries, names, ports in odd forms,
 * more than {@value #MAX_ENTRIES} entries or {@value #MAX_LENGTH} characters) counts as absent: the
 * client is the peer, never an address the client may have made up, so no limit is escaped by
 * sending rubbish.
 */
final class ClientAddressResolver {
    static final int MAX_LENGTH = 1024;
    static final int MAX_ENTRIES = 32;

    private final TrustedProxies trusted;

    ClientAddressResolver(TrustedProxies trusted) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
    }

    /**
     * @param peer         the socket's peer as the servlet container reports it, null if none
     * @param forwardedFor every {@code X-Forwarded-For} field of the request, in order (empty if none)
     */
    ClientAddress resolve(String peer, List<String> forwardedFor) {
        byte[] peerAddress = peer == null ? null : host(peer.strip());
        if (peerAddress == null) {
            return ClientAddress.unknown();
        }
        if (forwardedFor == null || forwardedFor.isEmpty() || trusted.isEmpty() || !trusted.trusts(peerAddress)) {
            return ClientAddress.of(peerAddress);
        }
        List<byte[]> chain = chain(forwardedFor);
        if (chain == null) {
            return ClientAddress.of(peerAddress);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trusted.trusts(chain.get(i))) {
                return ClientAddress.of(chain.get(i));
            }
        }
        return ClientAddress.of(chain.get(0));
    }

    /** The entries of the fields, as one list (several fields are one comma-separated list); null when malformed. */
    private static List<byte[]> chain(List<String> fields) {
        int length = 0;
        for (String field : fields) {
            length += field == null ? 0 : field.length() + 1;
        }
        if (length > MAX_LENGTH) {
            return null;
        }
        List<byte[]> chain = new ArrayList<>();
        for (String field : fields) {
            if (field == null) {
                return null;
            }
            for (String entry : field.split(",", -1)) {
                byte[] address = host(entry.strip());
                if (address == null || chain.size() == MAX_ENTRIES) {
                    return null;
                }
                chain.add(address);
            }
        }
        return chain.isEmpty() ? null : chain;
    }

    /**
     * An address as proxies and servlet containers write one: {@code 192.0.2.1}, {@code
     * 192.0.2.1:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]} or {@code [2001:db8::1]:4711}.
     * Null for anything else.
     */
    static byte[] host(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || !(close == text.length() - 1 || isPort(text, close + 1))) {
                return null;
            }
            String inside = text.substring(1, close);
            return inside.indexOf(':') >= 0 ? IpLiterals.parse(inside) : null;
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && colon == text.lastIndexOf(':')) {
            // One colon: IPv4 with a port. IPv6 has at least two.
            String v4 = text.substring(0, colon);
            return v4.indexOf(':') < 0 && isPort(text, colon) && v4.indexOf('.') >= 0 ? IpLiterals.parse(v4) : null;
        }
        return IpLiterals.parse(text);
    }

    /** Whether {@code text} from {@code colon} on is ':' and a port number, 0 to 65535. */
    private static boolean isPort(String text, int colon) {
        int digits = text.length() - colon - 1;
        if (text.charAt(colon) != ':' || digits < 1 || digits > 5) {
            return false;
        }
        int port = 0;
        for (int i = colon + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }
}
