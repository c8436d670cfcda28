package dev.stockroom.core.shared;

import java.util.function.Supplier;

/**
 * Runs a unit of work so that every driven-port call inside it commits or rolls back as one.
 * Calls nest: an inner call joins the outer transaction. Any exception thrown by the work rolls
 * the transaction back and is rethrown unchanged, except {@link Conflict}.
 *
 * <p><b>Repeats.</b> A database may refuse a transaction because a concurrent one conflicted with
 * it (a serialization failure or a deadlock). {@link #inTransaction} then rolls back and runs the
 * whole work again, from its start in a fresh transaction, a few times with a short, randomised
 * pause; the work's result is that of the one attempt that committed. So the work must be safe
 * to repeat: it may only change what the same store's ports keep, and must not rely on anything
 * an earlier attempt left in memory. Mail goes through the outbox in the same transaction, so it
 * is safe. Work with an effect outside the store (a file written, a message sent) uses
 * {@link #inTransactionOnce} instead, or keeps that effect outside the unit.
 *
 * <ul>
 *   <li>Only the outermost call repeats. A nested call never repeats on its own, since the
 *       transaction it joined is already lost: it lets the {@link Conflict} through to the
 *       outermost one.</li>
 *   <li>A nested {@link #inTransactionOnce} makes the whole transaction it joins unrepeatable.</li>
 *   <li>When the attempts are used up, or the unit may not be repeated, the conflict leaves as
 *       {@link Overloaded}: nothing was changed and the same request may succeed shortly.</li>
 *   <li>Any other failure is never repeated.</li>
 * </ul>
 *
 * <p>An implementation whose store never conflicts (one that serialises every unit) need not
 * repeat anything, but must still treat a {@link Conflict} that the work throws as above.
 */
public interface Transactions {

    /** Runs {@code work} in a transaction, repeating it after a conflict when this call is the outermost. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} in a transaction that is never repeated, for work with an effect outside
     * the store. Nested in a repeatable call, it stops that call from repeating too. The default
     * suits an implementation that never repeats; one that repeats must override it.
     */
    default <T> T inTransactionOnce(Supplier<T> work) {
        return inTransaction(work);
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    default void runOnce(Runnable work) {
        inTransactionOnce(() -> {
            work.run();
            return null;
        });
    }
}
