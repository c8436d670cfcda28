// Microbenchmark of Stockroom's password hashers: verifies/s, latency, allocation and GC per verify.
//
//   java [JVM flags] -cp bootstrap/target/stockroom.jar bench/HashBench.java [threads] [seconds] [class...]
//
//   threads  the largest thread count: runs 1, 2, ... up to it (default 2), or a list such as "1,2,4"
//   seconds  measured time per class and thread count (default 5), after a short warm-up
//   class    PasswordHasher implementations with a public no-argument constructor (default: core's
//            Bouncy Castle Argon2id hasher and the native one; one that cannot be loaded or
//            constructed is skipped with a message)
//
// Each thread verifies one password against one stored hash in a loop, as a login does. Per class
// and thread count it prints verifies/s, mean and p99 ms per verify, bytes allocated per verify
// (com.sun.management.ThreadMXBean#getThreadAllocatedBytes of the hashing threads), the number and
// time of collections during the run (GarbageCollectorMXBeans), the heap committed afterwards and
// the process's peak RSS so far (VmHWM), plus the collector in use. One "HASHBENCH key=value ..."
// line per result is for scripts (bench/gc.sh).
import dev.stockroom.core.account.port.out.PasswordHasher;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

public class HashBench {
    static final String CORE = "dev.stockroom.core.account.hashing.Argon2idPasswordHasher";
    static final String NATIVE = "dev.stockroom.adapters.hashing.NativeArgon2idPasswordHasher";
    static final String PASSWORD = "velvet harbor quietly 1987";
    static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What one hashing thread measured. */
    static final class Worker extends Thread {
        final PasswordHasher hasher;
        final String encoded;
        final long deadline;
        long[] latencies = new long[64];
        int count;
        long allocated;
        Throwable failure;

        Worker(PasswordHasher hasher, String encoded, long deadline, int n) {
            super("hashbench-" + n);
            this.hasher = hasher;
            this.encoded = encoded;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            try {
                long before = THREADS.getCurrentThreadAllocatedBytes();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    boolean ok = hasher.matches(PASSWORD, encoded);
                    long t1 = System.nanoTime();
                    if (!ok) {
                        throw new AssertionError("verify returned false");
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = t1 - t0;
                }
                allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            } catch (Throwable e) {
                failure = e;
            }
        }
    }

    record Gc(long count, long millis) {
        static Gc now() {
            List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
            // ZGC (and newer G1) also report concurrent cycles; count pauses where they are reported apart.
            boolean pausesApart = beans.stream().anyMatch(b -> b.getName().contains("Pauses"));
            long c = 0, t = 0;
            for (GarbageCollectorMXBean b : beans) {
                if (pausesApart && !b.getName().contains("Pauses")) {
                    continue;
                }
                c += Math.max(0, b.getCollectionCount());
                t += Math.max(0, b.getCollectionTime());
            }
            return new Gc(c, t);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Integer> threadCounts = threadCounts(args.length > 0 ? args[0] : "2");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<String> classes = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of(CORE, NATIVE);

        System.out.printf(Locale.ROOT, "JVM %s %s; collector %s (%s); max heap %d MiB; %d CPUs; flags: %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"), collector(),
                String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList()),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.println();
        System.out.println("| hasher | threads | verifies/s | mean ms | p99 ms | MiB alloc/verify | GCs | GC ms | GC % of wall | heap committed MiB | peak RSS MiB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<String> machine = new ArrayList<>();
        int ran = 0;
        for (String name : classes) {
            PasswordHasher hasher;
            String encoded;
            try {
                hasher = (PasswordHasher) Class.forName(name).getConstructor().newInstance();
                encoded = hasher.hash(PASSWORD);
                if (!hasher.matches(PASSWORD, encoded)) {
                    throw new AssertionError("does not verify its own hash");
                }
            } catch (Throwable e) {
                Throwable cause = e.getCause() != null && e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
                System.out.printf("| %s | skipped: %s | | | | | | | | | |%n", shortName(name), cause.toString().replace('|', '/'));
                continue;
            }
            warmUp(hasher, encoded);
            for (int threads : threadCounts) {
                String line = measure(name, hasher, encoded, threads, seconds, machine);
                System.out.println(line);
                ran++;
            }
        }
        System.out.println();
        machine.forEach(System.out::println);
        if (ran == 0) {
            System.err.println("HashBench: no hasher could be measured");
            System.exit(1);
        }
    }

    static void warmUp(PasswordHasher hasher, String encoded) {
        long end = System.nanoTime() + 1_000_000_000L;
        int n = 0;
        while (n < 3 || System.nanoTime() < end) {
            hasher.matches(PASSWORD, encoded);
            n++;
        }
    }

    static String measure(String name, PasswordHasher hasher, String encoded, int threads, double seconds,
            List<String> machine) throws InterruptedException {
        System.gc();
        Gc before = Gc.now();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker(hasher, encoded, deadline, i);
            workers.add(w);
            w.start();
        }
        for (Worker w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Gc after = Gc.now();
        long total = 0, allocated = 0, sum = 0;
        for (Worker w : workers) {
            if (w.failure != null) {
                throw new RuntimeException(name + " failed in " + w.getName(), w.failure);
            }
            total += w.count;
            allocated += w.allocated;
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, k, w.count);
            k += w.count;
        }
        Arrays.sort(all);
        for (long l : all) {
            sum += l;
        }
        double rate = total / wall;
        double meanMs = total == 0 ? Double.NaN : sum / 1e6 / total;
        double p99Ms = total == 0 ? Double.NaN : all[Math.min(all.length - 1, (int) Math.ceil(all.length * 0.99) - 1)] / 1e6;
        double allocMib = total == 0 ? Double.NaN : allocated / (double) total / (1 << 20);
        long gcs = after.count() - before.count();
        long gcMs = after.millis() - before.millis();
        double gcPct = 100.0 * gcMs / (wall * 1000);
        long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20;
        String rss = peakRssMib();
        machine.add(String.format(Locale.ROOT,
                "HASHBENCH class=%s threads=%d seconds=%.1f verifies=%d verifies_per_s=%.2f mean_ms=%.1f p99_ms=%.1f "
                        + "alloc_mib_per_verify=%.2f gc_count=%d gc_ms=%d gc_pct=%.1f heap_committed_mib=%d peak_rss_mib=%s "
                        + "collector=%s max_heap_mib=%d",
                name, threads, wall, total, rate, meanMs, p99Ms, allocMib, gcs, gcMs, gcPct, committed, rss,
                collector(), Runtime.getRuntime().maxMemory() >> 20));
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f | %.1f | %.2f | %d | %d | %.1f | %d | %s |",
                label(name, hasher), threads, rate, meanMs, p99Ms, allocMib, gcs, gcMs, gcPct, committed, rss);
    }

    static List<Integer> threadCounts(String arg) {
        List<Integer> out = new ArrayList<>();
        if (arg.contains(",")) {
            for (String s : arg.split(",")) {
                out.add(Integer.parseInt(s.trim()));
            }
        } else {
            for (int i = 1; i <= Integer.parseInt(arg); i++) {
                out.add(i);
            }
        }
        if (out.isEmpty() || out.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("threads must be >= 1: " + arg);
        }
        return out;
    }

    static String collector() {
        List<String> names = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList();
        String all = String.join(",", names);
        if (all.contains("G1")) return "G1";
        if (all.contains("ZGC")) return "ZGC";
        if (all.contains("Shenandoah")) return "Shenandoah";
        if (all.contains("PS ")) return "Parallel";
        if (all.contains("Copy") || all.contains("MarkSweepCompact")) return "Serial";
        if (all.contains("Epsilon") || names.isEmpty()) return "Epsilon/none";
        return all.replace(' ', '_');
    }

    static String label(String name, PasswordHasher hasher) {
        String s = String.valueOf(hasher);
        return s.startsWith(shortName(name)) ? s : shortName(name) + " (" + s + ")";
    }

    static String shortName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    static String peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.valueOf(Long.parseLong(line.replaceAll("\\D+", "")) / 1024);
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "n/a";
    }
}
