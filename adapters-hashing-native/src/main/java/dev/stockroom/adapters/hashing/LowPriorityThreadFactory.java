package dev.stockroom.adapters.hashing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads ({@code password-hashing-1}, {@code -2}…) that raise their own nice value as they
 * start, on Linux through libc's {@code setpriority}, so that under a login flood the password
 * hashing takes the CPU the request threads leave, not the CPU they need. Java thread priorities
 * do nothing on Linux; a nice value is per thread there and raising it needs no privilege.
 * Elsewhere, or if the call fails, the threads run at normal priority: {@link #lowersPriority()}
 * tells which, for the caller to log.
 */
public final class LowPriorityThreadFactory implements ThreadFactory {
    public static final int DEFAULT_NICENESS = 10;
    private static final int MAX_NICENESS = 19;

    private final String namePrefix;
    private final int niceness;
    private final Libc libc; // null where a thread cannot change its own nice value
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicBoolean failed = new AtomicBoolean();

    /** {@code password-hashing-N} threads at nice {@value #DEFAULT_NICENESS}. */
    public LowPriorityThreadFactory() {
        this("password-hashing", DEFAULT_NICENESS);
    }

    /** @param niceness the nice value the threads run at, 0 to 19; never lower than the one they inherit */
    public LowPriorityThreadFactory(String namePrefix, int niceness) {
        if (niceness < 0 || niceness > MAX_NICENESS) {
            throw new IllegalArgumentException("niceness must be 0 to " + MAX_NICENESS + ": " + niceness);
        }
        this.namePrefix = namePrefix;
        this.niceness = niceness;
        this.libc = loadLibc();
    }

    /** Null where a thread cannot change its own nice value: not Linux, or no JNA. */
    private static Libc loadLibc() {
        try {
            return Libc.load();
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(
                () -> {
                    lowerPriorityOfThisThread();
                    task.run();
                },
                namePrefix + "-" + created.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** True when this platform lets the threads lower their priority and none of them has failed to so far. */
    public boolean lowersPriority() {
        return libc != null && !failed.get();
    }

    public int niceness() {
        return niceness;
    }

    private void lowerPriorityOfThisThread() {
        if (libc == null) {
            return;
        }
        try {
            if (!libc.raiseNiceOfThisThreadTo(niceness)) {
                failed.set(true);
            }
        } catch (LinkageError | RuntimeException e) {
            failed.set(true);
        }
    }

    @Override
    public String toString() {
        return "LowPriorityThreadFactory[" + namePrefix + ", nice " + niceness
                + (lowersPriority() ? "" : " not available: normal priority") + "]";
    }

    /** The three libc calls, kept in their own class so that a missing JNA fails only {@link #load}. */
    private static final class Libc {
        private static final int PRIO_PROCESS = 0; // with a thread id, Linux applies it to that thread only

        private final CLibrary c;
        private final long sysGettid;

        private Libc(CLibrary c, long sysGettid) {
            this.c = c;
            this.sysGettid = sysGettid;
        }

        /** Null unless on Linux with a known gettid syscall number; throws if libc does not answer through JNA. */
        static Libc load() {
            long sysGettid = switch (System.getProperty("os.arch", "")) {
                case "amd64", "x86_64" -> 186;
                case "aarch64" -> 178;
                default -> -1;
            };
            if (sysGettid < 0 || !System.getProperty("os.name", "").startsWith("Linux")) {
                return null;
            }
            Libc libc = new Libc(Native.load(Platform.C_LIBRARY_NAME, CLibrary.class), sysGettid);
            libc.niceOf(libc.currentThreadId());
            return libc;
        }

        boolean raiseNiceOfThisThreadTo(int niceness) {
            int tid = currentThreadId();
            // A thread inherits its creator's nice value; never lower it (as root, setpriority could).
            return niceOf(tid) >= niceness || c.setpriority(PRIO_PROCESS, tid, niceness) == 0;
        }

        private int currentThreadId() {
            return (int) c.syscall(sysGettid);
        }

        /** -1 is an error only for a thread that does not exist, never for this one: it is nice -1. */
        private int niceOf(int tid) {
            return c.getpriority(PRIO_PROCESS, tid);
        }
    }

    /** JNA's binding of libc. */
    private interface CLibrary extends Library {
        long syscall(long number, Object... args);

        int getpriority(int which, int who);

        int setpriority(int which, int who, int prio);
    }
}
