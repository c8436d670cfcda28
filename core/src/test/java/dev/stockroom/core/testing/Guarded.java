package dev.stockroom.core.testing;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The lock an in-memory store guards its state with: its own, or the one of its {@link InMemoryTransactions}. */
final class Guarded {
    private final ReentrantLock lock;

    Guarded(InMemoryTransactions transactions, InMemoryTransactions.Participant store) {
        if (transactions == null) {
            this.lock = new ReentrantLock();
        } else {
            this.lock = transactions.lock();
            transactions.enlist(store);
        }
    }

    <T> T get(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    void run(Runnable write) {
        lock.lock();
        try {
            write.run();
        } finally {
            lock.unlock();
        }
    }
}
