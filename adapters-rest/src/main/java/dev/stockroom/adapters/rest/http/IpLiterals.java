package dev.stockroom.adapters.rest.http;

import java.util.Arrays;

/**
 * IPv4 and IPv6 address literals, read and written without the JDK's resolver: {@code
 * InetAddress.getByName} looks a name up in DNS, and whatever a client writes into a header must
 * never cause a lookup. Only the plain forms are read: dotted-quad IPv4 (no leading zeros, no short
 * forms), and IPv6 with or without {@code ::} and an IPv4 tail, without a zone. An IPv4-mapped IPv6
 * address ({@code ::ffff:192.0.2.1}) is read as the IPv4 address it carries, so that one client
 * has one address whichever way the socket reports it.
 */
final class IpLiterals {
    private IpLiterals() {}

    /** The 4 or 16 bytes of the literal; null when {@code text} is not one. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        byte[] bytes = text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
        return bytes == null ? null : unmapped(bytes);
    }

    /** Dotted quad for IPv4; RFC 5952's form for IPv6 (lower case, the longest run of zeros as {@code ::}). */
    static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static byte[] parseV4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                continue;
            }
            if (part == 4) {
                return null;
            }
            int value = decimalOctet(text, start, i);
            if (value < 0) {
                return null;
            }
            bytes[part++] = (byte) value;
            start = i + 1;
        }
        return part == 4 ? bytes : null;
    }

    /** 0 to 255 from 1 to 3 digits without a leading zero; -1 otherwise. */
    private static int decimalOctet(String text, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3 || (length > 1 && text.charAt(from) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap >= 0 ? text.substring(0, gap) : text, gap < 0);
        int[] tail = gap >= 0 ? groups(text.substring(gap + 2), true) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int given = head.length + tail.length;
        if (gap < 0 ? given != 8 : given > 7) {
            return null;
        }
        int[] all = new int[8];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (all[i] >>> 8);
            bytes[2 * i + 1] = (byte) all[i];
        }
        return bytes;
    }

    /**
     * The 16-bit groups of a colon-separated part (empty for an empty part); the last group may be
     * an IPv4 address, which counts as two, when {@code mayEndInIpv4}. Null when malformed.
     */
    private static int[] groups(String part, boolean mayEndInIpv4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        int[] groups = new int[pieces.length + 1];
        int n = 0;
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (piece.indexOf('.') >= 0) {
                byte[] v4 = i == pieces.length - 1 && mayEndInIpv4 ? parseV4(piece) : null;
                if (v4 == null) {
                    return null;
                }
                groups[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                groups[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                continue;
            }
            if (piece.isEmpty() || piece.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < piece.length(); k++) {
                int digit = hexDigit(piece.charAt(k));
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            groups[n++] = value;
        }
        return Arrays.copyOf(groups, n);
    }

    /** ASCII only: Character.digit would take other scripts' digits too. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] unmapped(byte[] bytes) {
        if (bytes.length == 16 && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return bytes;
                }
            }
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }
}
