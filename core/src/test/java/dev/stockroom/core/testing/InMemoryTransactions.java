package dev.stockroom.core.testing;

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
 */
public final class InMemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Participant> participants = new CopyOnWriteArrayList<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            List<Runnable> restores = new ArrayList<>(participants.size());
            for (Participant p : participants) {
                restores.add(p.snapshot());
            }
            try {
                return work.get();
            } catch (Throwable failure) {
                restores.forEach(Runnable::run);
                throw failure;
            }
        } finally {
            lock.unlock();
        }
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
