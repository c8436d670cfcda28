package dev.stockroom.core.shared;

/**
 * A unit of work lost to a concurrent one (the database's serialization failure or deadlock) and
 * its transaction is lost: nothing it wrote stays. Repeating the whole unit from its start may
 * succeed. {@link Transactions} repeats a repeatable outermost unit that fails with it, and turns
 * it into {@link Overloaded} once it gives up, so it never reaches a client; inside a unit of
 * work, let it pass (catching it does not save the transaction).
 */
public final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message, Throwable cause) {
        super(message, cause);
    }
}
