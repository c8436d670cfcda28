package dev.stockroom.core.account.domain;

import java.util.Optional;

/**
 * Where a request came from, as the edge resolved it: the client's address and the user agent it
 * named. Both are what a client says or what a proxy passed on, so they are kept for people to read
 * (the audit trail, a user's list of sessions) and never trusted for a decision. Control characters
 * are removed and long values cut, so a stored value cannot forge a log line or fill a column.
 */
public record Origin(Optional<String> address, Optional<String> userAgent) {
    public static final int MAX_ADDRESS_LENGTH = 64;
    public static final int MAX_USER_AGENT_LENGTH = 256;
    public static final Origin UNKNOWN = new Origin(Optional.empty(), Optional.empty());

    public Origin {
        address = address.map(a -> clean(a, MAX_ADDRESS_LENGTH)).filter(a -> !a.isEmpty());
        userAgent = userAgent.map(a -> clean(a, MAX_USER_AGENT_LENGTH)).filter(a -> !a.isEmpty());
    }

    /** Either may be null. */
    public static Origin of(String address, String userAgent) {
        return new Origin(Optional.ofNullable(address), Optional.ofNullable(userAgent));
    }

    private static String clean(String value, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
        value.codePoints()
                .filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE)
                .forEach(c -> {
                    if (out.length() + Character.charCount(c) <= maxLength) {
                        out.appendCodePoint(c);
                    }
                });
        return out.toString().strip();
    }
}
