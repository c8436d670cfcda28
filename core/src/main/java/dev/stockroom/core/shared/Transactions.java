package dev.stockroom.core.shared;

import java.util.function.Supplier;

/**
 * Runs a unit of work so that every driven-port call inside it commits or rolls back as one.
 * Calls nest: an inner call joins the outer transaction. Any exception thrown by the work rolls
 * the transaction back and is rethrown unchanged.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
