package dev.stockroom.core.shared;

/**
 * A driven adapter could not reach what it stores to (database down, disk full). Adapters wrap
 * their own exceptions in this so that no persistence type crosses a port; the REST edge answers
 * 503.
 */
public final class StorageUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
