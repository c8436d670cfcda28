package dev.stockroom.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the running service, speaking JSON as a front-end would. */
final class HttpApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply post(String path, Object body) {
        return post(path, body, null);
    }

    Reply post(String path, Object body, String token) {
        return send(path, "POST", "application/json", json(body), token);
    }

    Reply get(String path, String token) {
        return send(path, "GET", null, null, token);
    }

    Reply send(String path, String method, String contentType, byte[] body, String token) {
        return sendWith(path, method, contentType, body, token);
    }

    /** Sends with extra headers, given as name, value, name, value... */
    Reply sendWith(String path, String method, String contentType, byte[] body, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request whose body the server may refuse before reading it (413 on Content-Length):
     * the body is written on another thread, the status line read on this one, and a write cut
     * short by the server's close is expected, as a browser would see it.
     */
    int statusOfOversizedPost(String path, String contentType, byte[] body, String token) throws Exception {
        URI uri = URI.create(base + path);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: " + body.length + "\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n";
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                } catch (IOException expected) {
                    // the server refused the body and closed its side
                }
            });
            writer.start();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .readLine();
            writer.join(30_000);
            return Integer.parseInt(statusLine.split(" ", -1)[1]);
        }
    }

    static byte[] json(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String text) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response, its headers and its JSON body (null when the body is not JSON). */
    @SuppressWarnings("ArrayRecordComponent") // a test value, never compared or hashed
    record Reply(int status, HttpResponse<byte[]> raw, byte[] bytes) {
        JsonNode body() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + new String(bytes, StandardCharsets.UTF_8), e);
            }
        }

        String text(String field) {
            JsonNode node = body().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        /**
         * The body's bytes with its {@code request_id} taken out: what two answers that must not
         * tell their cases apart share byte for byte (each request has its own id).
         */
        byte[] bytesWithoutRequestId() {
            return new String(bytes, StandardCharsets.UTF_8)
                    .replaceFirst(",\"request_id\":\"[A-Za-z0-9._-]*\"", "")
                    .getBytes(StandardCharsets.UTF_8);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
