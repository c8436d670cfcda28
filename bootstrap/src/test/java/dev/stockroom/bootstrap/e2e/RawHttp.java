package dev.stockroom.bootstrap.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests as bytes on a socket, for what no HTTP client would send (a broken request line, a
 * NUL in a header, a body shorter than its Content-Length), and the answers parsed back out of
 * the bytes, however many the server wrote.
 */
final class RawHttp {
    private RawHttp() {}

    /** One answer: its status, its headers (names in lower case) and its body (de-chunked). */
    @SuppressWarnings("ArrayRecordComponent") // a test value, never compared or hashed
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * Sends {@code request}, then closes the sending side (a body cut short ends there, as when a
     * client dies) and reads until the server closes. {@code head}: the first answer has no body.
     */
    static List<Answer> exchange(int port, byte[] request, boolean head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // The server answered and closed before taking everything: its answer is still there to read.
            }
            byte[] received;
            try {
                received = readAll(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                throw new IOException("No end of the answer within 20 s", e);
            }
            return parse(received, head);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A reset after the answer (the server closed with our bytes unread) loses nothing already read.
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    /** Every final answer in {@code bytes}, skipping interim 1xx ones. */
    static List<Answer> parse(byte[] bytes, boolean head) throws IOException {
        List<Answer> answers = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (end < 0) {
                throw new IOException("An answer's head has no end: "
                        + new String(bytes, at, Math.min(200, bytes.length - at), StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(bytes, at, end - at, StandardCharsets.ISO_8859_1).split("\r\n", -1);
            String[] statusLine = lines[0].split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                throw new IOException("Not a status line: " + lines[0]);
            }
            int status = Integer.parseInt(statusLine[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(
                                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            at = end + 4;
            if (status < 200) {
                continue;
            }
            byte[] body;
            String length = headers.containsKey("content-length")
                    ? headers.get("content-length").get(0)
                    : null;
            boolean chunked = headers.containsKey("transfer-encoding")
                    && headers.get("transfer-encoding").get(0).equalsIgnoreCase("chunked");
            // Jetty cannot leave out the body for a HEAD it could not parse (it never learnt the method).
            boolean bodyless = head && answers.isEmpty() && (at == bytes.length || startsWith(bytes, at, "HTTP/"));
            if (bodyless || status == 204 || status == 304) {
                body = new byte[0];
            } else if (chunked) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                while (true) {
                    int lineEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
                    int size = Integer.parseInt(
                            new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";", -1)[0].trim(),
                            16);
                    at = lineEnd + 2;
                    if (size == 0) {
                        at = indexOf(bytes, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at) + 2;
                        break;
                    }
                    out.write(bytes, at, size);
                    at += size + 2;
                }
                body = out.toByteArray();
            } else if (length != null) {
                int size = Integer.parseInt(length);
                body = java.util.Arrays.copyOfRange(bytes, at, at + size);
                at += size;
            } else {
                body = java.util.Arrays.copyOfRange(bytes, at, bytes.length);
                at = bytes.length;
            }
            answers.add(new Answer(status, headers, body));
        }
        return answers;
    }

    private static boolean startsWith(byte[] bytes, int at, String prefix) {
        byte[] sought = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return indexOf(bytes, sought, at) == at;
    }

    private static int indexOf(byte[] bytes, byte[] sought, int from) {
        outer:
        for (int i = from; i <= bytes.length - sought.length; i++) {
            for (int j = 0; j < sought.length; j++) {
                if (bytes[i + j] != sought[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
