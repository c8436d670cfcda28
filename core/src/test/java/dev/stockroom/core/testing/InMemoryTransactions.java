package dev.stockroom.core.testing;

import dev.stockroom.core.shared.Conflict;
import dev.stockroom.core.shared.ConflictRetry;
import dev.stockroom.core.shared.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link Transactions} for the in-memory adapters, with real rollback: the stores created with
 * this instance share its lock, and a unit of work holds that lock throughout, so it is
 * serialised against every other call on those stores; when the work throws, each store is put
 * back as it was. Nested calls join the outer unit. Stores created without an instance are not
 * covered. Serialising everything is the price of simplicity: fine for tests, not a database.
 *
 * <p>Being serialised, these stores never conflict; a {@link Conflict} the work throws itself is
 * handled as the port says (the outermost repeatable unit runs again, up to
 * {@link ConflictRetry#DEFAULT}'s attempts, without pauses), so tests of repeat-safety run here too.
 */
public final class InMemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    // Whether the outermost unit held by the lock's owner may still be repeated; guarded by the lock.
    private boolean repeatable;
    // A conflict a nested unit let through in the current attempt, even if the work caught it; guarded by the lock.
    private Conflict doomed;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(work, true);
    }

    @Override
    public <T> T inTransactionOnce(Supplier<T> work) {
        return inTransaction(work, false);
    }

    private <T> T inTransaction(Supplier<T> work, boolean mayRepeat) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                repeatable &= mayRepeat;
                try {
                    return work.get();
                } catch (Conflict conflict) {
                    doomed = conflict;
                    throw conflict;
                }
            }
            repeatable = mayRepeat;
            for (int attempt = 1; ; attempt++) {
                doomed = null;
                try {
                    return attempt(work);
                } catch (RuntimeException failure) {
                    // A failure after a conflict the work caught still means the attempt lost a conflict.
                    if (!(failure instanceof Conflict) && doomed == null) {
                        throw failure;
                    }
                    if (!repeatable || attempt >= ConflictRetry.DEFAULT.attempts()) {
                        throw ConflictRetry.gaveUp();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T attempt(Supplier<T> work) {
        List<Runnable> restores = new ArrayList<>(participants.size());
        for (Participant p : participants) {
            restores.add(p.snapshot());
        }
        T result;
        try {
            result = work.get();
        } catch (Throwable failure) {
            restores.forEach(Runnable::run);
            throw failure;
        }
        if (doomed != null) {
            // The work caught a nested unit's conflict and went on; a database would have lost the transaction anyway.
            restores.forEach(Runnable::run);
            throw doomed;
        }
        return result;
    }

    ReentrantLock lock() {
        return lock;
    }

    void enlist(Participant participant) {
        participants.add(participant);
    }

    /** A store that can be rolled back: {@link #snapshot()} returns the action that restores its current state. */
    interface Participant {
        Runnable snapshot();
    }
}
