package dev.stockroom.core.shared;

/**
 * The store failed a statement for a reason that is neither an outage nor the client's data (a
 * missing table, a syntax error, a broken invariant): a bug. Adapters wrap their own exceptions
 * in this so that no persistence type crosses a port; the REST edge answers 500 with an error id
 * it logs with the cause.
 */
public final class StorageFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageFault(String message, Throwable cause) {
        super(message, cause);
    }
}
