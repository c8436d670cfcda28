import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kill test's client (deploy/cluster.sh kill-test): plain JDK, run as a source file.
 *
 *   java deploy/LoadDriver.java BASE_URL OUT_DIR SECONDS WORKERS USERS MAIL_DIR[:MAIL_DIR...]
 *
 * 1. Registers USERS users through BASE_URL (each as its own client address, sent as
 *    X-Forwarded-For, which the load balancer extends and the service believes from it), reads
 *    each verification code from the .eml files in the mail directories, verifies, and logs each
 *    user in once more: that "witness" session is left alone until the end. Uploads one photo and
 *    fetches it six times through the load balancer (so from every instance: one shared directory).
 * 2. For SECONDS, WORKERS threads (each one user, one session) loop over: create a product (40 %),
 *    PATCH the quantity of one of its acknowledged products (25 %), read a product back (20 %),
 *    refresh the session (10 %), log in again (5 %). Every request is logged to OUT_DIR/requests.csv
 *    (epoch ms, operation, status or -1 for no answer, latency ms). OUT_DIR/kill-at, when the script
 *    writes it, is the epoch ms of the kill.
 * 3. Verifies: every acknowledged product (201) reads back with its name and a quantity that is
 *    the last acknowledged PATCH or a later unacknowledged one; every witness session (issued
 *    before the kill) still reaches /users/me/ and refreshes; every worker's last session still
 *    works. Unacknowledged creations (no 2xx) are looked up by their unique name: the report says
 *    how many were committed anyway.
 * Prints a report (also OUT_DIR/report.md); exits 1 when anything acknowledged is missing or a
 * session was lost.
 */
public class LoadDriver {
    static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    static final Pattern CODE = Pattern.compile("(?m)^\\s+(\\d{6})\\s*$");

    record Sample(long at, String op, int status, long latencyMs) {
        /** When the answer (or the failure) came: what the windows around the kill count by. */
        long done() {
            return at + latencyMs;
        }
    }

    record Session(String access, String refresh) { }

    static final class Product {
        final long id;
        final String name;
        volatile int ackedQuantity;
        final List<Integer> laterUnacked = new ArrayList<>();
        Product(long id, String name, int quantity) {
            this.id = id;
            this.name = name;
            this.ackedQuantity = quantity;
        }
    }

    static String base;
    static HttpClient client;
    static final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    static final Map<Long, Product> products = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<String> unackedNames = new ConcurrentLinkedQueue<>();
    static final AtomicLong seq = new AtomicLong();

    public static void main(String[] args) throws Exception {
        base = args[0];
        Path out = Path.of(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int workers = Integer.parseInt(args[3]);
        int nUsers = Integer.parseInt(args[4]);
        List<Path> mailDirs = Stream.of(args[5].split(":")).map(Path::of).toList();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        // --- 1. users ---
        String[] names = new String[nUsers];
        String[] passwords = new String[nUsers];
        Session[] witness = new Session[nUsers];
        Session[] working = new Session[nUsers];
        for (int i = 0; i < nUsers; i++) {
            names[i] = "kt" + run + "u" + i;
            passwords[i] = "copper lantern sleepy " + (1000 + i);
            String email = names[i] + "@example.com";
            HttpResponse<String> r = call(i, "register", "POST", "/users/register/", null,
                    "{\"first_name\":\"Kill\",\"last_name\":\"Test\",\"username\":\"" + names[i] + "\",\"email\":\""
                            + email + "\",\"password\":\"" + passwords[i] + "\",\"confirm_password\":\"" + passwords[i] + "\"}");
            require(r, 201, "register " + names[i]);
            String token = str(r.body(), "access_token");
            String code = waitForCode(mailDirs, email);
            r = call(i, "verify", "POST", "/users/verify/", token, "{\"code\":\"" + code + "\"}");
            require(r, 200, "verify " + names[i]);
            working[i] = new Session(str(r.body(), "access_token"), str(r.body(), "refresh_token"));
            witness[i] = login(i, names[i], passwords[i]).orElseThrow(() -> new IllegalStateException("witness login"));
        }
        // One session per worker (workers may share a user, never a session: a refresh token spent
        // by one worker and sent again by another would end that session, by design).
        Session[] own = new Session[workers];
        for (int w = 0; w < workers; w++) {
            int user = w % nUsers;
            own[w] = w < nUsers ? working[user]
                    : login(user, names[user], passwords[user]).orElseThrow(() -> new IllegalStateException("worker login"));
        }
        String photo = productWithPhoto(working[0].access());
        int photoBefore = photoFetches(photo, 6);
        System.out.printf("[driver] photo uploaded through the load balancer, fetched 6 times through it: %d the same bytes%n",
                photoBefore);
        if (photoBefore != 6) {
            throw new IllegalStateException("the photo is not served by every instance: " + photoBefore + " of 6");
        }
        System.out.printf("[driver] %d users registered, verified, witness sessions held; load: %d workers for %d s%n",
                nUsers, workers, seconds);
        samples.clear();

        // --- 2. load ---
        long end = System.currentTimeMillis() + seconds * 1000L;
        List<Thread> threads = new ArrayList<>();
        Session[] last = new Session[workers];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            int user = w % nUsers;
            Thread t = new Thread(() -> last[worker] = work(worker, user, names[user], passwords[user],
                    own[worker], end, run), "worker-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }

        // --- 3. verification ---
        long killAt = Files.exists(out.resolve("kill-at")) ? Long.parseLong(Files.readString(out.resolve("kill-at")).strip()) : 0;
        List<Sample> load = new ArrayList<>(samples);
        load.sort(Comparator.comparingLong(Sample::at));
        int missing = 0;
        int wrongQuantity = 0;
        for (Product p : products.values()) {
            HttpResponse<String> r = call(0, "check", "GET", "/products/" + p.id + "/detail/", null, null);
            if (r == null || r.statusCode() != 200 || !r.body().contains("\"name\":\"" + p.name + "\"")) {
                missing++;
                System.out.println("[driver] MISSING product " + p.id + " " + p.name + ": "
                        + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
                continue;
            }
            Matcher q = Pattern.compile("\"quantity\":(\\d+)").matcher(r.body());
            int actual = q.find() ? Integer.parseInt(q.group(1)) : -1;
            synchronized (p) {
                if (actual != p.ackedQuantity && !p.laterUnacked.contains(actual)) {
                    wrongQuantity++;
                    System.out.println("[driver] WRONG quantity on " + p.id + ": " + actual + ", acknowledged "
                            + p.ackedQuantity + ", unacknowledged later " + p.laterUnacked);
                }
            }
        }
        int committedUnacked = 0;
        for (String name : unackedNames) {
            HttpResponse<String> r = call(0, "check", "GET", "/products/?search=" + name + "&page_size=5", null, null);
            if (r != null && r.statusCode() == 200 && r.body().contains("\"name\":\"" + name + "\"")) {
                committedUnacked++;
            }
        }
        int lostWitness = 0;
        for (int i = 0; i < nUsers; i++) {
            HttpResponse<String> me = call(i, "check", "GET", "/users/me/", witness[i].access(), null);
            HttpResponse<String> rf = call(i, "check", "POST", "/users/token/refresh/", null,
                    "{\"refresh_token\":\"" + witness[i].refresh() + "\"}");
            if (me == null || me.statusCode() != 200 || rf == null || rf.statusCode() != 200) {
                lostWitness++;
                System.out.println("[driver] LOST witness session of " + names[i] + ": me "
                        + (me == null ? "-" : me.statusCode()) + ", refresh " + (rf == null ? "-" : rf.statusCode()));
            }
        }
        int lostWorking = 0;
        for (int w = 0; w < workers; w++) {
            HttpResponse<String> me = last[w] == null ? null : call(w % nUsers, "check", "GET", "/users/me/", last[w].access(), null);
            if (me == null || me.statusCode() != 200) {
                lostWorking++;
            }
        }

        int photoAfter = photoFetches(photo, 6);
        String report = "photo uploaded before the load, fetched 6 times through the load balancer before and 6 after: "
                + photoBefore + " and " + photoAfter + " the same bytes\n" + report(load, killAt, products.size(), missing, wrongQuantity, unackedNames.size(),
                committedUnacked, nUsers, lostWitness, workers, lostWorking);
        System.out.println(report);
        Files.writeString(out.resolve("report.md"), report);
        StringBuilder csv = new StringBuilder("at_ms,op,status,latency_ms\n");
        for (Sample s : load) {
            csv.append(s.at()).append(',').append(s.op()).append(',').append(s.status()).append(',').append(s.latencyMs()).append('\n');
        }
        Files.writeString(out.resolve("requests.csv"), csv);
        System.exit(missing + wrongQuantity + lostWitness + lostWorking == 0 && photoAfter == 6 ? 0 : 1);
    }

    static Session work(int worker, int user, String name, String password, Session session, long end, String run) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        List<Product> mine = new ArrayList<>();
        while (System.currentTimeMillis() < end) {
            int dice = rnd.nextInt(100);
            if (dice < 40 || mine.isEmpty()) {
                String pname = "kt" + run + "w" + worker + "p" + seq.incrementAndGet();
                int qty = rnd.nextInt(1, 1000);
                HttpResponse<String> r = call(user, "create", "POST", "/products/add/", session.access(),
                        "{\"name\":\"" + pname + "\",\"price\":\"9.90\",\"description\":\"kill test\",\"quantity\":" + qty + "}");
                if (r != null && r.statusCode() == 201) {
                    Matcher m = ID.matcher(r.body());
                    if (m.find()) {
                        Product p = new Product(Long.parseLong(m.group(1)), pname, qty);
                        products.put(p.id, p);
                        mine.add(p);
                    }
                } else {
                    unackedNames.add(pname);
                }
            } else if (dice < 65) {
                Product p = mine.get(rnd.nextInt(mine.size()));
                int qty = rnd.nextInt(1, 1000);
                HttpResponse<String> r = call(user, "patch", "PATCH", "/products/" + p.id + "/update/", session.access(),
                        "{\"quantity\":" + qty + "}");
                synchronized (p) {
                    if (r != null && r.statusCode() == 200) {
                        p.ackedQuantity = qty;
                        p.laterUnacked.clear();
                    } else {
                        p.laterUnacked.add(qty);
                    }
                }
            } else if (dice < 85) {
                Product p = mine.get(rnd.nextInt(mine.size()));
                call(user, "read", "GET", "/products/" + p.id + "/detail/", null, null);
            } else if (dice < 95) {
                HttpResponse<String> r = call(user, "refresh", "POST", "/users/token/refresh/", null,
                        "{\"refresh_token\":\"" + session.refresh() + "\"}");
                if (r != null && r.statusCode() == 200) {
                    session = new Session(str(r.body(), "access_token"), str(r.body(), "refresh_token"));
                } else {
                    // The answer was lost (the token may be spent): a new session.
                    session = login(user, name, password).orElse(session);
                }
            } else {
                session = login(user, name, password).orElse(session);
            }
        }
        return session;
    }

    static Optional<Session> login(int user, String name, String password) {
        HttpResponse<String> r = call(user, "login", "POST", "/users/login/", null,
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
        if (r != null && r.statusCode() == 200) {
            return Optional.of(new Session(str(r.body(), "access_token"), str(r.body(), "refresh_token")));
        }
        return Optional.empty();
    }

    /** One request; null when no answer came (recorded as status -1). */
    static HttpResponse<String> call(int user, String op, String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                // each user is its own client address; nginx appends the peer, Stockroom believes nginx
                .header("X-Forwarded-For", "198.51.100." + (user % 250 + 1));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long t0 = System.nanoTime();
        long at = System.currentTimeMillis();
        HttpResponse<String> r = null;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // no answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        samples.add(new Sample(at, op, r == null ? -1 : r.statusCode(), (System.nanoTime() - t0) / 1_000_000));
        return r;
    }

    /** A 1x1 PNG. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==");

    /** Creates a product with a photo through the load balancer; returns the photo's path. */
    static String productWithPhoto(String token) throws Exception {
        String boundary = "ktboundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String[] field : new String[][] {{"name", "Photo check"}, {"price", "1.50"}, {"quantity", "1"},
                {"description", "shared photo directory"}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"dot.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(PNG);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/products/add/"))
                .header("Authorization", "Bearer " + token).header("X-Forwarded-For", "198.51.100.251")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        require(r, 201, "product with a photo");
        String url = str(r.body(), "photo");
        return URI.create(url).getPath();
    }

    /** Fetches the photo through the load balancer n times (round robin: every instance); how many were the same bytes. */
    static int photoFetches(String path, int n) throws Exception {
        int same = 0;
        for (int i = 0; i < n; i++) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200 && java.util.Arrays.equals(r.body(), PNG)) {
                same++;
            }
        }
        return same;
    }

    static void require(HttpResponse<String> r, int status, String what) {
        if (r == null || r.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got "
                    + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
        }
    }

    static String str(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in the answer");
        }
        return m.group(1);
    }

    static String waitForCode(List<Path> mailDirs, String email) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (Path dir : mailDirs) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                        String text = Files.readString(f);
                        if (text.contains(email)) {
                            Matcher m = CODE.matcher(text);
                            if (m.find()) {
                                return m.group(1);
                            }
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no code for " + email + " in " + mailDirs + " within 20 s");
    }

    static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1 < 0 ? 0
                : (int) Math.ceil(p * sorted.size()) - 1));
    }

    static String line(String label, List<Sample> s) {
        List<Long> lat = s.stream().map(Sample::latencyMs).sorted().toList();
        long errors = s.stream().filter(x -> x.status() < 200 || x.status() >= 300).count();
        Map<String, Long> bad = new TreeMap<>();
        for (Sample x : s) {
            if (x.status() < 200 || x.status() >= 300) {
                bad.merge(x.op() + ":" + (x.status() < 0 ? "no-answer" : x.status()), 1L, Long::sum);
            }
        }
        return String.format("| %s | %d | %d | %d | %d | %d | %s |%n", label, s.size(), errors, pct(lat, 0.5),
                pct(lat, 0.99), lat.isEmpty() ? 0 : lat.get(lat.size() - 1), bad.isEmpty() ? "" : bad.toString());
    }

    static String report(List<Sample> load, long killAt, int acked, int missing, int wrongQuantity, int unacked,
            int committedUnacked, int users, int lostWitness, int workers, int lostWorking) {
        StringBuilder b = new StringBuilder();
        Map<String, Long> ops = new TreeMap<>();
        load.forEach(s -> ops.merge(s.op(), 1L, Long::sum));
        b.append("requests by operation: ").append(ops).append('\n');
        b.append("kill at: ").append(killAt == 0 ? "none" : Instant.ofEpochMilli(killAt).toString()).append("\n\n");
        b.append("windows count a request by when its answer (or failure) came\n\n");
        b.append("| window | requests | non-2xx or no answer | p50 ms | p99 ms | max ms | which |\n|---|---|---|---|---|---|---|\n");
        b.append(line("whole run", load));
        if (killAt > 0) {
            b.append(line("before the kill", load.stream().filter(s -> s.done() < killAt).toList()));
            b.append(line("kill to +5 s", load.stream().filter(s -> s.done() >= killAt && s.done() < killAt + 5000).toList()));
            b.append(line("after +5 s", load.stream().filter(s -> s.done() >= killAt + 5000).toList()));
            b.append("\nper second around the kill, by when the answer came (second 0 starts at the kill):\n\n");
            b.append("| second | requests | non-2xx or no answer | p50 ms | p99 ms | max ms | which |\n|---|---|---|---|---|---|---|\n");
            for (int sec = -3; sec <= 6; sec++) {
                long from = killAt + sec * 1000L;
                List<Sample> s = load.stream().filter(x -> x.done() >= from && x.done() < from + 1000).toList();
                b.append(line(Integer.toString(sec), s));
            }
        }
        b.append('\n');
        b.append(String.format("acknowledged creations: %d, missing afterwards: %d, quantity not the acknowledged one: %d%n",
                acked, missing, wrongQuantity));
        b.append(String.format("unacknowledged creations (no 2xx): %d, of which committed anyway: %d%n", unacked, committedUnacked));
        b.append(String.format("witness sessions (issued before the load): %d, lost: %d; workers' last sessions: %d, lost: %d%n",
                users, lostWitness, workers, lostWorking));
        b.append(missing + wrongQuantity + lostWitness + lostWorking == 0 ? "PASS\n" : "FAIL\n");
        return b.toString();
    }
}
