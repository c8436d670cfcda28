package dev.stockroom.adapters.rest.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The proxies (load balancers, reverse proxies) whose {@code X-Forwarded-For} is believed: a list
 * of IPv4 and IPv6 ranges in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a bare
 * address is a range of one. Read without any DNS lookup. Bits past the prefix are ignored
 * ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}). An IPv4-mapped IPv6 range
 * ({@code ::ffff:10.0.0.0/104}) is the IPv4 range it carries, as addresses are.
 */
public final class TrustedProxies {
    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Trusts nobody: the client address is always the socket's peer. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Reads addresses and CIDR ranges, IPv4 or IPv6.
     *
     * @throws IllegalArgumentException naming the first entry that is not an address or a range
     */
    public static TrustedProxies parse(List<String> cidrs) {
        Objects.requireNonNull(cidrs, "cidrs");
        List<Range> ranges = new ArrayList<>(cidrs.size());
        for (String cidr : cidrs) {
            ranges.add(Range.parse(cidr));
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(ranges);
    }

    /** How many ranges are trusted. */
    public int size() {
        return ranges.size();
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether the address (4 or 16 bytes, IPv4 unmapped) lies in a trusted range. */
    boolean trusts(byte[] address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    @SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString are written out below
    private record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            String text = cidr == null ? "" : cidr.strip();
            int slash = text.indexOf('/');
            byte[] address = IpLiterals.parse(slash < 0 ? text : text.substring(0, slash));
            int fullLength = address == null ? 0 : address.length * 8;
            int prefix = slash < 0 ? fullLength : prefixLength(text.substring(slash + 1));
            if (address == null || prefix < 0) {
                throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 or IPv6 address or CIDR range");
            }
            String addressText = slash < 0 ? text : text.substring(0, slash);
            if (address.length == 4 && addressText.indexOf(':') >= 0) {
                // Written as an IPv4-mapped IPv6 range: the prefix counts the 96 bits before the IPv4 part.
                prefix -= 96;
                if (prefix < 0) {
                    throw new IllegalArgumentException("'" + cidr + "' reaches beyond the IPv4-mapped addresses; "
                            + "write the IPv4 range instead");
                }
            }
            if (prefix > fullLength) {
                throw new IllegalArgumentException(
                        "'" + cidr + "' has a prefix longer than its address (at most " + fullLength + ")");
            }
            return new Range(masked(address, prefix), prefix);
        }

        /** 0 to 128 in plain decimal; -1 otherwise. */
        private static int prefixLength(String text) {
            if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value <= 128 ? value : -1;
        }

        private static byte[] masked(byte[] address, int prefix) {
            byte[] network = address.clone();
            for (int bit = prefix; bit < network.length * 8; bit++) {
                network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return network;
        }

        boolean contains(byte[] address) {
            return address.length == network.length && Arrays.equals(masked(address, prefix), network);
        }

        @Override
        public String toString() {
            return IpLiterals.format(network) + "/" + prefix;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Range r && r.prefix == prefix && Arrays.equals(r.network, network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefix;
        }
    }
}
