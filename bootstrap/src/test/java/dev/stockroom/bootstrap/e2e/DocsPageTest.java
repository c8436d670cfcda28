package dev.stockroom.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page at {@code /docs/} in a real browser: headless Chromium loads it from the running service
 * under the service's own security headers, Swagger UI renders the endpoints of {@code
 * /openapi.json}, and nothing is refused by the page's Content-Security-Policy. Chromium is
 * required: without it this fails (.ci/run installs it).
 */
class DocsPageTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final long TIMEOUT_SECONDS = 120;

    private static Path target;

    @BeforeAll
    static void target() throws IOException {
        target = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
        Files.createDirectories(target);
    }

    @Test
    void the_page_and_its_files_come_from_the_service_under_a_policy_of_their_own() {
        HttpApi.Reply page = STOCKROOM.http.get("/docs/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
                .contains("script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        HttpApi.Reply bundle = STOCKROOM.http.get("/docs/swagger-ui/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.bytes().length).isGreaterThan(100_000);
        assertThat(STOCKROOM.http.get("/docs/swagger-ui/no-such-file.js", null).status())
                .isEqualTo(404);
    }

    @Test
    void the_api_keeps_its_own_policy() {
        for (String path : List.of("/products/", "/openapi.json", "/no-such-path/")) {
            assertThat(STOCKROOM.http.get(path, null).header("Content-Security-Policy"))
                    .as(path)
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void headless_chromium_renders_every_endpoint_group_without_a_policy_violation() throws Exception {
        Run dom = chromium("--dump-dom");
        assertThat(dom.exitCode).as(dom.stderr).isZero();
        assertThat(dom.stdout)
                .contains("swagger-ui", "Stockroom")
                .contains("opblock", "/users/register/", "/users/login/", "/products/", "/products/add/")
                .contains("/admin/users/", "/media/{key}", "/openapi.json");
        // Chromium logs every refusal of the Content-Security-Policy to the console, and the console to stderr.
        assertThat(dom.stderr).doesNotContain("Content Security Policy", "Refused to");
    }

    @Test
    void headless_chromium_takes_a_screenshot_of_the_page() throws Exception {
        Path screenshot = target.resolve("docs-page.png");
        Files.deleteIfExists(screenshot);
        Run run = chromium("--screenshot=" + screenshot, "--window-size=1280,2000");
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isPositive();
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private static Run chromium(String... args) throws Exception {
        assertThat(Path.of(CHROMIUM))
                .as("Chromium is needed for this test (apt-get install chromium; .ci/run does)")
                .isExecutable();
        Path profile = Files.createTempDirectory(target, "chromium-profile");
        Path out = Files.createTempFile(target, "chromium", ".out");
        Path err = Files.createTempFile(target, "chromium", ".err");
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=15000"));
        command.addAll(List.of(args));
        command.add("http://127.0.0.1:" + STOCKROOM.app.getLocalPort() + "/docs/");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("HOME", profile.toString());
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            // Chromium's helper processes first, while they can still be found from the main one.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
