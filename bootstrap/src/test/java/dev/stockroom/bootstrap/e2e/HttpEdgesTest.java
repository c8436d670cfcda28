package dev.stockroom.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests Jetty refuses before Jersey sees them, sent as raw bytes (a well-behaved client could
 * not send them): the answer is still the JSON envelope, never an HTML page.
 */
class HttpEdgesTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), STOCKROOM.app.getLocalPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode envelope(String response, int status) throws IOException {
        assertThat(response).startsWith("HTTP/1.1 " + status);
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertThat(head)
                .contains("content-type: application/json")
                .contains("x-content-type-options: nosniff")
                .contains("referrer-policy: no-referrer")
                .contains("cache-control: no-store");
        JsonNode body = HttpApi.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(body.get("status").asBoolean()).isFalse();
        assertThat(body.get("message").asText()).isNotBlank();
        return body;
    }

    @Test
    void a_malformed_uri_gets_the_envelope() throws IOException {
        envelope(raw("GET /products/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void headers_that_are_too_large_get_the_envelope() throws IOException {
        String big = "a".repeat(20_000);
        envelope(
                raw("GET /products/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n"),
                431);
    }

    @Test
    void a_declared_body_over_the_limit_is_refused_before_it_is_read() throws IOException {
        envelope(
                raw("POST /users/login/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 99999999\r\nConnection: close\r\n\r\n{}"),
                413);
    }

    @Test
    void a_method_dropwizard_does_not_allow_gets_the_envelope_not_an_empty_405() throws IOException {
        for (String method : new String[] {"TRACE", "MOVE", "FOO"}) {
            String response = raw(method + " /users/me/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            envelope(response, 405);
            assertThat(response.toLowerCase(Locale.ROOT))
                    .contains("\r\nallow: get, head, post, put, patch, delete, options\r\n");
        }
    }

    @Test
    void an_unknown_http_version_is_the_clients_400_not_a_5xx() throws IOException {
        envelope(raw("GET /products/ HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void a_body_that_cannot_be_read_is_a_400_not_a_500() throws IOException {
        envelope(
                raw(String.join(
                        "\r\n",
                        "POST /users/login/ HTTP/1.1",
                        "Host: localhost",
                        "Content-Type: application/json",
                        "Transfer-Encoding: chunked",
                        "Connection: close",
                        "",
                        "ZZ",
                        "{}",
                        "0",
                        "",
                        "")),
                400);
    }

    @Test
    void a_head_request_jetty_refuses_gets_the_headers_and_no_body() throws IOException {
        String response = raw("HEAD /users/me/ HTTP/1.1\r\nHost: localhost\r\nBad Header\r\nConnection: close\r\n\r\n");

        assertThat(response)
                .startsWith("HTTP/1.1 400")
                .containsIgnoringCase("x-content-type-options: nosniff")
                .endsWith("\r\n\r\n");
    }

    @Test
    void the_admin_port_says_nosniff_even_where_a_task_resets_the_response() {
        HttpApi admin = new HttpApi(STOCKROOM.app.getAdminPort());

        for (HttpApi.Reply reply : new HttpApi.Reply[] {
            admin.get("/healthcheck", null),
            admin.get("/ping", null),
            admin.get("/tasks/gc", null),
            admin.get("/no-such-page", null)
        }) {
            assertThat(reply.header("X-Content-Type-Options"))
                    .as(reply.toString())
                    .isEqualTo("nosniff");
        }
    }

    @Test
    void the_admin_port_reports_the_database_and_the_mail_outbox() {
        HttpApi.Reply health = new HttpApi(STOCKROOM.app.getAdminPort()).get("/healthcheck", null);

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        JsonNode checks = health.body();
        assertThat(checks.get("database").get("healthy").asBoolean()).isTrue();
        assertThat(checks.get("mail").get("healthy").asBoolean()).isTrue();
    }
}
