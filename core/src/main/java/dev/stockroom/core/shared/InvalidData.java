package dev.stockroom.core.shared;

/**
 * The store refused the request's data (a value out of range, a character it cannot hold, a
 * constraint no earlier check caught): the client's input, not an outage, so the REST edge
 * answers 400. Validation should refuse such input first; this is the net under it. The message
 * is for a person and never carries SQL.
 */
public final class InvalidData extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidData(String message, Throwable cause) {
        super(message, cause);
    }
}
