package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.core.catalog.SampleImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java … server} with no file, in a process of its own as an operator starts it (the test
 * JVM has used H2 already, so only a fresh JVM shows what H2 binds), and the operating system's
 * own account of what it listens on: the API on every interface, and nothing else beyond
 * loopback, neither the admin port nor the embedded database's AUTO_SERVER listener, which the
 * CLI commands still reach. What it writes into the fresh data directory is for its owner only.
 * Needs Linux's /proc and a POSIX file system.
 */
class ZeroConfigurationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "velvet harbor quietly 1987";
    private static final Pattern CODE = Pattern.compile("(?m)^ +(\\d{6})\\s*$");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path workDir;

    private Path dataDir;
    private Process server;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc");
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        dataDir = workDir.resolve("stockroom-data");
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx192m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Dliquibase.analytics.enabled=false",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StockroomApplication.class.getName(),
                        "server")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("server.log").toFile());
        command.environment().keySet().removeIf(name -> name.startsWith("STOCKROOM_"));
        // The one departure from no configuration at all: ports 8080 and 8081 may be taken on a build machine.
        command.environment().put("STOCKROOM_HTTP_PORT", "0");
        command.environment().put("STOCKROOM_ADMIN_PORT", "0");
        server = command.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void only_the_api_listens_beyond_loopback_the_cli_still_gets_in_and_the_data_directory_is_the_owners()
            throws Exception {
        Map<Integer, List<InetAddress>> listening = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(this::listeningOnceStarted, ports -> ports.size() >= 3);
        int h2 = h2ListenerPort();
        int admin = listening.keySet().stream()
                .filter(port -> port != h2)
                .filter(this::answersPing)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No admin port among " + listening + log()));
        int api = listening.keySet().stream()
                .filter(port -> port != h2 && port != admin)
                .findFirst()
                .orElseThrow();

        assertThat(listening.keySet()).as(log()).containsExactlyInAnyOrder(api, admin, h2);
        assertThat(listening.get(api)).allMatch(InetAddress::isAnyLocalAddress);
        assertThat(listening.get(admin)).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
        assertThat(listening.get(h2)).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);

        String username = "zero" + Long.toHexString(System.nanoTime());
        JsonNode registered = post(
                api,
                "/users/register/",
                null,
                "application/json",
                JSON.writeValueAsBytes(Map.of(
                        "first_name",
                        "Ada",
                        "last_name",
                        "Lovelace",
                        "username",
                        username,
                        "email",
                        username + "@example.com",
                        "password",
                        PASSWORD,
                        "confirm_password",
                        PASSWORD)));
        // Beside the running server, over the loopback listener.
        Path config = Files.writeString(workDir.resolve("command.yml"), "dataDir: " + dataDir + "\n");
        runCommand("db", "migrate", config.toString());
        runCommand("make-admin", username, config.toString());
        assertThat(get(api, "/users/me/", registered.get("access_token").asText())
                        .at("/data/role")
                        .asText())
                .isEqualTo("ADMIN");

        Path mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> onlyFile(dataDir.resolve("mail")), Optional::isPresent)
                .orElseThrow();
        Matcher code = CODE.matcher(Files.readString(mail));
        assertThat(code.find()).as(Files.readString(mail)).isTrue();
        String token = post(
                        api,
                        "/users/verify/",
                        registered.get("access_token").asText(),
                        "application/json",
                        JSON.writeValueAsBytes(Map.of("code", code.group(1))))
                .get("access_token")
                .asText();
        post(api, "/products/add/", token, "multipart/form-data; boundary=zero", photoForm());
        Path photo = onlyFile(dataDir.resolve("photos")).orElseThrow();

        for (Path dir : List.of(dataDir, dataDir.resolve("db"), dataDir.resolve("mail"), dataDir.resolve("photos"))) {
            assertThat(permissions(dir)).as(dir.toString()).isEqualTo("rwx------");
        }
        for (Path file : List.of(dataDir.resolve("jwt-es256.pem"), mail, photo)) {
            assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
        }
    }

    /** The server's listening TCP sockets by port, once the database is open and Jetty has started. */
    private Map<Integer, List<InetAddress>> listeningOnceStarted() throws IOException {
        if (!server.isAlive()) {
            throw new AssertionError("The server stopped: " + log());
        }
        if (!Files.exists(dataDir.resolve("db").resolve("stockroom.lock.db"))) {
            return Map.of();
        }
        return listeningSockets(server.pid());
    }

    /** The port AUTO_SERVER wrote into the lock file, as the CLI commands read it. */
    private int h2ListenerPort() throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("db").resolve("stockroom.lock.db"))) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("AUTO_SERVER's address in the lock file").isNotNull();
        assertThat(InetAddress.getByName(server.substring(0, server.lastIndexOf(':')))
                        .isLoopbackAddress())
                .as(server)
                .isTrue();
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    /**
     * Every TCP socket process {@code pid} listens on, from /proc: its socket inodes from its file
     * descriptors, their local addresses from the kernel's tables.
     */
    static Map<Integer, List<InetAddress>> listeningSockets(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            });
        }
        Map<Integer, List<InetAddress>> listening = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+", -1);
                // st 0A is LISTEN; field 9 the inode.
                if (fields.length > 9 && fields[3].equals("0A") && inodes.contains(fields[9])) {
                    String[] local = fields[1].split(":", -1);
                    listening
                            .computeIfAbsent(Integer.parseInt(local[1], 16), port -> new ArrayList<>())
                            .add(address(local[0]));
                }
            }
        }
        return listening;
    }

    /** The kernel writes an address as 32-bit words in host (little-endian) order. */
    private static InetAddress address(String hex) throws UnknownHostException {
        byte[] raw = HexFormat.of().parseHex(hex);
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte b = raw[word + i];
                raw[word + i] = raw[word + 3 - i];
                raw[word + 3 - i] = b;
            }
        }
        return InetAddress.getByAddress(raw);
    }

    private boolean answersPing(int port) {
        try {
            HttpResponse<String> pong = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return pong.statusCode() == 200 && pong.body().strip().equals("pong");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(int port, String path, String token) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET(),
                token);
    }

    private JsonNode post(int port, String path, String token, String type, byte[] body) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                token);
    }

    private JsonNode send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response =
                client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode() / 100).as(response.body()).isEqualTo(2);
        return JSON.readTree(response.body());
    }

    private static byte[] photoForm() throws IOException {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field :
                Map.of("name", "Pixel", "price", "1.50", "quantity", "1").entrySet()) {
            form.write(("--zero\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                            + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String photoPart = String.join(
                "\r\n",
                "--zero",
                "Content-Disposition: form-data; name=\"photo\"; filename=\"dot.png\"",
                "Content-Type: image/png",
                "",
                "");
        form.write(photoPart.getBytes(StandardCharsets.UTF_8));
        form.write(SampleImages.png());
        form.write("\r\n--zero--\r\n".getBytes(StandardCharsets.UTF_8));
        return form.toByteArray();
    }

    private static Optional<Path> onlyFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(
                            file -> !file.getFileName().toString().startsWith("."))
                    .toList();
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void runCommand(String... args) throws Exception {
        new StockroomApplication(Map.of(), Clock.systemUTC()) {
            @Override
            protected void onFatalError(Throwable t) {
                throw new AssertionError(String.join(" ", args) + " failed beside the running server", t);
            }
        }.run(args);
    }

    private String log() {
        try {
            return "\n--- server log ---\n" + Files.readString(workDir.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }
}
