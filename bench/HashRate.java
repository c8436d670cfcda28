// Raw verify rate of a Stockroom PasswordHasher: THREADS threads verify one password for SECONDS.
//   java -cp bootstrap/target/stockroom.jar bench/HashRate.java [threads] [seconds] [hasher class]
// The class (default: core's Bouncy Castle Argon2id hasher) needs a public no-argument
// constructor and hash(String) / matches(String, String). One verify is the hashing work of one
// login. Prints the hasher, then "HASHRATE <verifies/s>". bench/run.sh calls it with the
// server stopped; bench/HashBench.java measures more (latency, allocation, GC).
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;

public class HashRate {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        String name = args.length > 2 && !args[2].isBlank() ? args[2]
                : "dev.stockroom.core.account.hashing.Argon2idPasswordHasher";
        Class<?> c = Class.forName(name);
        Object hasher = c.getConstructor().newInstance();
        Method hash = c.getMethod("hash", String.class);
        Method matches = c.getMethod("matches", String.class, String.class);
        String password = "velvet harbor quietly 1987";
        String encoded = (String) hash.invoke(hasher, password);
        for (int i = 0; i < 3; i++) {
            if (!(Boolean) matches.invoke(hasher, password, encoded)) {
                throw new AssertionError(name + " does not verify its own hash");
            }
        }
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        Thread[] ts = new Thread[threads];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        if (!(Boolean) matches.invoke(hasher, password, encoded)) {
                            throw new AssertionError("verify failed");
                        }
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    synchronized (failure) { failure[0] = e; }
                }
            }, "hash-" + t);
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        if (failure[0] != null) {
            throw new RuntimeException("hashing failed", failure[0]);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("hasher=%s class=%s threads=%d seconds=%.1f verifies=%d%n",
                hasher, name, threads, elapsed, done.get());
        System.out.printf("HASHRATE %.1f%n", done.get() / elapsed);
    }
}
