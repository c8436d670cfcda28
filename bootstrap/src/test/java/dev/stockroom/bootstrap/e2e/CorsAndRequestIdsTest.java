package dev.stockroom.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.core.catalog.SampleImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CORS for an allowed origin, request ids on every answer (Jersey's, Jetty's own refusals and
 * the preflights), and links on the public base URL, over real HTTP; beside an instance with the
 * defaults, which answers no origin with a CORS header.
 */
class CorsAndRequestIdsTest {
    static final String ORIGIN = "https://shop.example";
    static final String PUBLIC = "https://api.shop.example/v1";

    @RegisterExtension
    @Order(1)
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2()
            .withEnvironment(Map.of(
                    "STOCKROOM_CORS_ORIGINS", ORIGIN + ", http://localhost:5173", "STOCKROOM_PUBLIC_BASE_URL", PUBLIC));

    @RegisterExtension
    @Order(2)
    static final RunningStockroom DEFAULTS = RunningStockroom.onEmbeddedH2();

    private static String raw(RunningStockroom stockroom, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), stockroom.app.getLocalPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String head(String response) {
        return response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    }

    private static String preflight(RunningStockroom stockroom, String origin, String path) throws IOException {
        return raw(
                stockroom,
                "OPTIONS " + path + " HTTP/1.1\r\nHost: localhost\r\nOrigin: " + origin
                        + "\r\nAccess-Control-Request-Method: PATCH"
                        + "\r\nAccess-Control-Request-Headers: authorization, content-type, if-match"
                        + "\r\nConnection: close\r\n\r\n");
    }

    @Test
    void a_preflight_from_an_allowed_origin_is_answered_204_with_what_the_api_uses() throws IOException {
        // Paths with and without the slash, one that needs a token, one no resource has: none refused.
        for (String path : new String[] {"/products/1/update/", "/users/me", "/admin/users/", "/no/such/path"}) {
            String response = preflight(STOCKROOM, ORIGIN, path);

            assertThat(response).as(path).startsWith("HTTP/1.1 204");
            assertThat(head(response))
                    .as(path)
                    .contains("\r\naccess-control-allow-origin: " + ORIGIN + "\r\n")
                    .contains("vary: origin")
                    .contains("access-control-max-age: 600")
                    .containsPattern("x-request-id: [0-9a-f-]{36}")
                    .doesNotContain("access-control-allow-credentials");
            String methods = headerValue(response, "access-control-allow-methods");
            assertThat(methods.split("\\s*,\\s*", -1))
                    .containsExactlyInAnyOrder("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
            assertThat(headerValue(response, "access-control-allow-headers")
                            .toLowerCase(Locale.ROOT)
                            .split("\\s*,\\s*", -1))
                    .containsExactlyInAnyOrder(
                            "authorization", "content-type", "if-match", "if-none-match", "x-request-id");
        }
    }

    @Test
    void an_actual_response_to_an_allowed_origin_exposes_the_headers_a_client_reads() {
        HttpApi.Reply reply = STOCKROOM.http.sendWith("/products/", "GET", null, null, null, "Origin", ORIGIN);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(reply.raw().headers().allValues("Vary").toString()).contains("Origin");
        assertThat(reply.header("Access-Control-Expose-Headers").split("\\s*,\\s*", -1))
                .containsExactlyInAnyOrder(
                        "ETag", "Retry-After", "Location", "X-Request-Id", "RateLimit", "RateLimit-Policy");
    }

    @Test
    void another_origin_gets_no_cors_header_and_its_preflight_is_not_answered_as_one() throws IOException {
        HttpApi.Reply reply =
                STOCKROOM.http.sendWith("/products/", "GET", null, null, null, "Origin", "https://evil.example");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw().headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));

        String response = preflight(STOCKROOM, "https://evil.example", "/products/");
        assertThat(head(response)).doesNotContain("access-control-");
    }

    @Test
    void with_the_defaults_no_origin_gets_a_cors_header() throws IOException {
        HttpApi.Reply reply = DEFAULTS.http.sendWith("/products/", "GET", null, null, null, "Origin", ORIGIN);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.raw().headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));

        assertThat(head(preflight(DEFAULTS, ORIGIN, "/products/"))).doesNotContain("access-control-");
    }

    @Test
    void an_acceptable_request_id_comes_back_and_into_the_error_body() {
        HttpApi.Reply reply = STOCKROOM.http.sendWith(
                "/products/999999999/detail/", "GET", null, null, null, "X-Request-Id", "client.id-42_A");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.header("X-Request-Id")).isEqualTo("client.id-42_A");
        assertThat(reply.body().get("request_id").asText()).isEqualTo("client.id-42_A");
    }

    @Test
    void an_unacceptable_request_id_is_replaced_by_a_generated_one() {
        for (String sent : new String[] {"a".repeat(129), "has space", "semi;colon", "ünï"}) {
            HttpApi.Reply reply = STOCKROOM.http.sendWith("/users/me/", "GET", null, null, null, "X-Request-Id", sent);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            String id = reply.header("X-Request-Id");
            assertThat(id).as(sent).isNotEqualTo(sent);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
            assertThat(reply.body().get("request_id").asText()).isEqualTo(id);
        }
        HttpApi.Reply longest =
                STOCKROOM.http.sendWith("/products/", "GET", null, null, null, "X-Request-Id", "b".repeat(128));
        assertThat(longest.header("X-Request-Id")).isEqualTo("b".repeat(128));
    }

    @Test
    void every_answer_carries_a_request_id_those_jetty_refuses_included() throws IOException {
        HttpApi.Reply ok = DEFAULTS.http.get("/products/", null);
        assertThat(ok.header("X-Request-Id")).isNotBlank();
        assertThat(DEFAULTS.http
                        .get("/no/such/path", null)
                        .body()
                        .get("request_id")
                        .asText())
                .isNotBlank();

        // A request line Jetty cannot parse: its headers are not read, so the id is a new one.
        String badUri = raw(
                DEFAULTS,
                "GET /products/%zz HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: bad-uri-1\r\nConnection: close\r\n\r\n");
        assertThat(badUri).startsWith("HTTP/1.1 400");
        assertThat(bodyOf(badUri).get("request_id").asText()).isEqualTo(headerValue(badUri, "x-request-id"));

        for (String method : new String[] {"TRACE", "FOO"}) {
            String refused = raw(
                    DEFAULTS,
                    method + " /users/me/ HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: refused-" + method
                            + "\r\nConnection: close\r\n\r\n");
            assertThat(refused).as(method).startsWith("HTTP/1.1 405");
            assertThat(headerValue(refused, "x-request-id")).as(method).isEqualTo("refused-" + method);
            assertThat(bodyOf(refused).get("request_id").asText()).as(method).isEqualTo("refused-" + method);
        }
    }

    private static JsonNode bodyOf(String response) throws IOException {
        return HttpApi.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void with_a_public_base_url_every_link_starts_with_it() throws Exception {
        ApiFixture fixture = ApiFixture.create(STOCKROOM);
        HttpApi.Reply added = STOCKROOM.http.send(
                "/products/add/",
                "POST",
                "multipart/form-data; boundary=" + ApiFixture.BOUNDARY,
                ApiFixture.multipart(
                        Map.of("name", "Public " + UUID.randomUUID(), "price", "1.00", "quantity", "1"),
                        "photo",
                        "dot.png",
                        SampleImages.png()),
                fixture.owner.accessToken());

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long id = added.body().at("/data/id").asLong();
        assertThat(added.header("Location")).isEqualTo(PUBLIC + "/products/" + id + "/detail");
        assertThat(added.body().at("/data/photo").asText()).startsWith(PUBLIC + "/media/");

        HttpApi.Reply detail = STOCKROOM.http.get("/products/" + id + "/detail/", null);
        assertThat(detail.body().at("/photo").asText()).startsWith(PUBLIC + "/media/");

        HttpApi.Reply page = STOCKROOM.http.get("/products/?page=1&page_size=1", null);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body().get("next").asText())
                .startsWith(PUBLIC + "/products?")
                .contains("page=2");

        HttpApi.Reply users = STOCKROOM.http.get("/admin/users/?page=1&page_size=1", fixture.admin.accessToken());
        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        assertThat(users.body().get("next").asText())
                .startsWith(PUBLIC + "/admin/users?")
                .contains("page=2");
    }

    private static String headerValue(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n", -1)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        throw new AssertionError("No " + name + " in " + response);
    }
}
