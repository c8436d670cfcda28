package dev.stockroom.bootstrap.e2e;

import dev.stockroom.bootstrap.e2e.FuzzTest.Auth;
import dev.stockroom.bootstrap.e2e.FuzzTest.Body;
import dev.stockroom.bootstrap.e2e.FuzzTest.Endpoint;
import dev.stockroom.core.catalog.SampleImages;
import dev.stockroom.core.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Requests made from one seeded {@link Random}, so that a seed names a run. Most are malformed in
 * one or more ways (JSON, types, numbers, strings, methods, content types, multipart bodies,
 * credentials, paths, query strings, and for some the HTTP framing itself); enough are
 * well-formed, with real tokens, ids and photo keys, that the code behind validation runs too.
 * Nothing generated contains one of {@link FuzzTest#FORBIDDEN}: the service echoes some input
 * (a product's name, a page link), and a marker it echoed would look like a leak.
 */
final class Fuzzer {
    /** What the running service holds that requests may name. */
    record Targets(
            int port,
            List<String> userTokens,
            String newcomerToken,
            List<String> sessionEndingTokens,
            List<String> refreshTokens,
            List<Long> keptProducts,
            List<Long> deletableProducts,
            String photoKey,
            List<String> usernames,
            List<String> emails,
            List<String> userIds) {}

    /**
     * One request. {@code raw} is set when it goes out as bytes on a socket, either because it
     * breaks HTTP itself ({@code twist} says how) or because the JDK client refused to send it.
     */
    @SuppressWarnings("ArrayRecordComponent") // a test value, never compared or hashed
    record Request(int index, String method, String target, List<String[]> headers, byte[] body, String twist) {
        /** Whether the server reads it as a HEAD: its answer then has no body. */
        boolean head() {
            return method.equals("HEAD") && !"method".equals(twist);
        }

        String describe() {
            StringBuilder text = new StringBuilder("#")
                    .append(index)
                    .append(' ')
                    .append(method)
                    .append(' ')
                    .append(abbreviate(target, 300));
            if (twist != null) {
                text.append(" [raw: ").append(twist).append(']');
            }
            for (String[] header : headers) {
                text.append("\n  ").append(header[0]).append(": ").append(abbreviate(header[1], 200));
            }
            if (body != null) {
                text.append("\n  body (")
                        .append(body.length)
                        .append(" bytes): ")
                        .append(abbreviate(new String(body, StandardCharsets.UTF_8), 400));
            }
            return text.toString();
        }

        private static String abbreviate(String text, int max) {
            String shown = text.length() > max ? text.substring(0, max) + "…(" + text.length() + " chars)" : text;
            StringBuilder escaped = new StringBuilder();
            shown.codePoints().forEach(c -> {
                if (c < 0x20 || c == 0x7F || Character.getType(c) == Character.SURROGATE) {
                    escaped.append(String.format("\\u%04x", c));
                } else {
                    escaped.appendCodePoint(c);
                }
            });
            return escaped.toString();
        }
    }

    static final String PASSWORD = AccountFlowsTest.PASSWORD;
    private static final String[] METHODS = {
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "PROPFIND", "M-SEARCH"
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json; charset=UTF-16",
        "application/json; charset=bogus",
        "application/json;;;",
        "text/plain",
        "text/html",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "*/*",
        "application/*",
        "json",
        "application/json\t",
        "image/png",
        "application/merge-patch+json",
        "application/vnd.api+json; q=0.1"
    };
    private static final String[] NUMBERS = {
        "0",
        "-0",
        "-1",
        "1",
        "3",
        "12.5",
        "1.005",
        "0.001",
        "-12.50",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "99999999999999999999999999999999999999",
        "1e99",
        "1E+99",
        "-1e99",
        "1e309",
        "1e-400",
        "9999999999.99",
        "10000000000",
        "0.1e1",
        "1.0",
        "1e2",
        "12.345678901234567890123"
    };
    private static final String[] BAD_TOKENS = {
        "NaN",
        "Infinity",
        "-Infinity",
        "undefined",
        "'single'",
        "0x10",
        "00012",
        "+1",
        ".5",
        "1.",
        "tru",
        "nul",
        "--1",
        "1e",
        "\"unterminated"
    };
    private static final String[] ODD_IDS = {
        "0",
        "-1",
        "9223372036854775807",
        "9223372036854775808",
        "99999999999999999999",
        "abc",
        "1.5",
        "1e3",
        "+1",
        "0x10",
        "%20",
        "%2e%2e",
        ".",
        "%00",
        "%F0%9F%98%80",
        "%C0%AF",
        "1;x=y",
        "1%2F2",
        "%252e",
        "١٢",
        "%EF%BC%91",
        "-0",
        "007",
        "1%00",
        "%FF",
        "~",
        "null"
    };
    private static final String[] ODD_KEYS = {
        "..",
        "%2e%2e",
        "..%2f..%2fetc%2fpasswd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "a%00.png",
        "%00",
        ".htaccess",
        "..;",
        "%5c..%5cwin.ini",
        "photos",
        "abc.png",
        "abc.png%2F",
        "0123456789abcdef0123456789abcdef.png",
        "0123456789ABCDEF0123456789ABCDEF.PNG",
        "CON",
        "%252e%252e",
        "x.png.exe",
        "%E2%80%AEgnp.exe",
        "...",
        "%2F%2Fetc%2Fpasswd",
        "-",
        "_",
        "%20.png"
    };
    private static final String[] ODD_QUERY_VALUES = {
        "-1",
        "0",
        "1e99",
        "99999999999999999999",
        "abc",
        ";DROP",
        "%00",
        "",
        "%FF",
        "%C0%80",
        "%ED%A0%80",
        "%25",
        "-",
        "price,name",
        "--price",
        "created_at;",
        "1.5",
        "true",
        "maybe",
        "%E2%80%AE",
        "%F0%9F%98%80",
        "NaN",
        "-0",
        "1%2C2",
        "a%26b%3Dc"
    };
    private static final String[] EXTRA_KEYS = {
        "id",
        "owner",
        "created_at",
        "updated_at",
        "status",
        "__proto__",
        "constructor",
        "",
        "role",
        "auth_status",
        "decription",
        "conform_password",
        "photo",
        "is_admin",
        "\u0000"
    };

    private final Random random;
    private final List<Endpoint> endpoints;
    private final Targets targets;
    private int fresh;

    Fuzzer(long seed, List<Endpoint> endpoints, Targets targets) {
        this.random = new Random(seed);
        this.endpoints = endpoints;
        this.targets = targets;
    }

    /** The next request; any that would carry a forbidden marker is made again. */
    Request next(int index) {
        while (true) {
            Request request = attempt(index);
            if (!FuzzTest.containsForbidden(new String(serialize(request), StandardCharsets.UTF_8))
                    && !FuzzTest.containsForbidden(new String(serialize(request), StandardCharsets.ISO_8859_1))) {
                return request;
            }
        }
    }

    private Request attempt(int index) {
        Endpoint endpoint = pick(endpoints);
        String method = chance(0.85) ? endpoint.method() : pick(METHODS);
        String target = path(endpoint) + query(endpoint);
        List<String[]> headers = new ArrayList<>();
        authorization(endpoint, headers);
        byte[] body = body(endpoint, headers);
        extraHeaders(headers);
        String twist = chance(0.12)
                ? pick(
                        "plain",
                        "version",
                        "spacing",
                        "target",
                        "method",
                        "header",
                        "length",
                        "chunked",
                        "truncated",
                        "pipelined",
                        "expect",
                        "host",
                        "long-target",
                        "header-flood",
                        "bare-lf",
                        "raw-bytes")
                : null;
        return new Request(index, method, target, headers, body, twist);
    }

    // ---- paths and query strings ----

    private String path(Endpoint endpoint) {
        String path = endpoint.path();
        if (path.contains("{id}")) {
            String real;
            if (path.startsWith("/admin/users/")) {
                real = pick(targets.userIds());
            } else if (path.startsWith("/users/sessions/")) {
                real = java.util
                        .UUID
                        .nameUUIDFromBytes(Long.toString(random.nextLong()).getBytes(StandardCharsets.UTF_8))
                        .toString();
            } else {
                real = String.valueOf(pick(
                        endpoint.method().equals("DELETE") ? targets.deletableProducts() : targets.keptProducts()));
            }
            path = path.replace("{id}", chance(0.5) ? real : pick(ODD_IDS));
        }
        if (path.contains("{slug}")) {
            path = path.replace(
                    "{slug}",
                    chance(0.35)
                            ? "lamp-" + pickInt(0, 5, 9)
                            : chance(0.1) ? "x".repeat(pickInt(101, 3000, 7000)) : pick(ODD_KEYS));
        }
        if (path.contains("{image_id}")) {
            path = path.replace("{image_id}", chance(0.5) ? String.valueOf(1 + random.nextInt(50)) : pick(ODD_IDS));
        }
        if (path.contains("{key}")) {
            path = path.replace(
                    "{key}",
                    chance(0.35)
                            ? targets.photoKey()
                            : chance(0.1) ? "x".repeat(pickInt(300, 3000, 7000)) : pick(ODD_KEYS));
        }
        if (chance(0.12)) {
            path = switch (random.nextInt(8)) {
                case 0 -> "/" + path;
                case 1 -> path + pick("x/", "../", "./", "%2F", ";jsessionid=1", "/", "//");
                case 2 -> path.toUpperCase(Locale.ROOT);
                case 3 -> path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
                case 4 -> path.replaceFirst("/", "/./");
                case 5 -> path.replace("/", "//");
                case 6 -> path.replaceFirst("/", "/%2e/");
                default -> "/" + percentEncode(oddString()).replace("%2F", "") + path;
            };
        }
        return path;
    }

    private String query(Endpoint endpoint) {
        List<String> pairs = new ArrayList<>();
        if (endpoint.body() == Body.QUERY) {
            for (String field : endpoint.fields()) {
                if (chance(0.5)) {
                    pairs.add(field + "=" + queryValue(field));
                }
            }
        }
        if (chance(0.1)) {
            for (int i = random.nextInt(4); i >= 0; i--) {
                pairs.add(
                        switch (random.nextInt(6)) {
                            case 0 -> "access_token=" + pick(targets.userTokens());
                            case 1 -> percentEncode(oddString()) + "=" + percentEncode(oddString());
                            case 2 -> "page";
                            case 3 -> "";
                            case 4 -> "=" + pick(ODD_QUERY_VALUES);
                            default ->
                                pick(endpoint.fields().isEmpty() ? List.of("page") : endpoint.fields()) + "="
                                        + pick(ODD_QUERY_VALUES);
                        });
            }
        }
        if (pairs.isEmpty()) {
            return chance(0.03) ? "?" : "";
        }
        if (chance(0.1)) {
            pairs.add(pairs.get(0));
        }
        return "?" + String.join(chance(0.05) ? "&&" : "&", pairs);
    }

    private String queryValue(String field) {
        if (chance(0.45)) {
            return switch (field) {
                case "search" -> pick("lamp", "Lamp 1", "a", "%25", "_", "%");
                case "min_price", "max_price" -> pick("0", "1", "12.50", "100", "9999999999.99");
                case "in_stock" -> pick("true", "false", "1", "0");
                case "ordering" ->
                    pick(
                            "price",
                            "-price",
                            "name",
                            "-name",
                            "created_at",
                            "-created_at",
                            "quantity",
                            "-quantity",
                            "relevance");
                case "cursor" -> pick("", "MQpwcmljZQoxCjEuMDA", "MQpwcmljZQp4CjEuMDA", "%00", "AAAA");
                case "page" -> pick("1", "2", "3");
                case "page_size" -> pick("1", "10", "100", "101");
                case "status" -> pick("NEW", "VERIFIED", "new", "draft");
                case "role" -> pick("ADMIN", "USER", "admin");
                case "disabled" -> pick("true", "false", "yes");
                case "user" -> pick(targets.usernames());
                case "kind" -> pick("LOGIN_FAILED", "REGISTERED", "THROTTLED", "login_failed");
                case "since", "until" ->
                    pick(
                            "2026-01-01T00:00:00Z",
                            "2026-01-01",
                            "2030-12-31T23:59:59.999999999Z",
                            "1970-01-01T00:00:00Z",
                            "%2B999999999-12-31T23:59:59Z");
                default -> "1";
            };
        }
        return chance(0.6) ? pick(ODD_QUERY_VALUES) : percentEncode(oddString());
    }

    // ---- credentials ----

    private void authorization(Endpoint endpoint, List<String[]> headers) {
        String token = switch (endpoint.auth()) {
            case NONE, ANY_USER -> chance(0.8) ? pick(targets.userTokens()) : targets.newcomerToken();
            case NEW_USER -> chance(0.7) ? targets.newcomerToken() : pick(targets.userTokens());
            case SESSION_ENDING -> pick(targets.sessionEndingTokens());
        };
        int roll = random.nextInt(100);
        if (roll < 30 || (endpoint.auth() == Auth.NONE && roll < 70)) {
            return;
        }
        String value;
        if (roll < 75) {
            value = pick("Bearer ", "Bearer ", "Bearer ", "bearer ", "BEARER ", "Bearer   ") + token;
        } else {
            value = switch (random.nextInt(16)) {
                case 0 -> "Bearer";
                case 1 -> "Bearer ";
                case 2 -> "Basic " + token;
                case 3 -> "Basic dXNlcjpwYXNz";
                case 4 -> "Bearer " + "a".repeat(pickInt(5000, 7000));
                case 5 -> "Bearer " + flip(token);
                case 6 -> "Bearer " + token.substring(0, random.nextInt(token.length()));
                case 7 -> "Bearer " + token + token;
                case 8 -> "Bearer " + token + " " + token;
                case 9 -> "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
                case 10 -> "Bearer " + pick(targets.refreshTokens());
                case 11 -> "Bearer\t" + token;
                case 12 -> "Bearer a.b.c";
                case 13 -> "Bearer " + token + "\u0000";
                case 14 -> "Bearer " + oddString();
                default -> "Token " + token;
            };
        }
        headers.add(new String[] {"Authorization", value});
        if (chance(0.03)) {
            headers.add(new String[] {"Authorization", "Bearer " + token});
        }
    }

    private String flip(String token) {
        char[] chars = token.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    // ---- bodies ----

    private byte[] body(Endpoint endpoint, List<String[]> headers) {
        Body kind = endpoint.body();
        if (kind == Body.PRODUCT) {
            kind = chance(0.6) ? Body.JSON : Body.PHOTO;
        }
        if ((kind == Body.NONE || kind == Body.QUERY) && !chance(0.15)) {
            if (chance(0.05)) {
                headers.add(new String[] {"Content-Type", pick(CONTENT_TYPES)});
            }
            return null;
        }
        if (kind == Body.PHOTO && chance(0.85)) {
            String boundary = "fz" + Long.toHexString(random.nextLong());
            boolean productForm = endpoint.path().endsWith("/add/");
            // The image endpoint's file part is "image" (with a "position"), the others' "photo".
            // The import's file part is "file".
            String fileField = endpoint.path().contains("/images/")
                    ? "image"
                    : endpoint.path().endsWith("/import/") ? "file" : "photo";
            byte[] form = multipart(boundary, productForm ? FuzzTest.PRODUCT_FIELDS : endpoint.fields(), fileField);
            headers.add(new String[] {
                "Content-Type",
                chance(0.85)
                        ? "multipart/form-data; boundary=" + boundary
                        : pick(
                                "multipart/form-data",
                                "multipart/form-data; boundary=\"" + boundary + "\"",
                                "multipart/form-data; boundary=other",
                                "multipart/mixed; boundary=" + boundary,
                                "application/json",
                                "multipart/form-data; boundary=" + boundary + "; charset=bogus")
            });
            return form;
        }
        headers.add(new String[] {"Content-Type", chance(0.8) ? "application/json" : pick(CONTENT_TYPES)});
        return jsonBody(endpoint.fields());
    }

    private byte[] jsonBody(List<String> fields) {
        int roll = random.nextInt(100);
        String text;
        if (roll < 58) {
            text = object(fields, false);
        } else if (roll < 63) {
            text = object(fields, true);
        } else if (roll < 70) {
            text = pick("[]", "[1,2]", "\"text\"", "42", "null", "true", "-0", "1e999", "{}", "[{}]", "\"\"");
        } else if (roll < 80) {
            String valid = object(fields, false);
            text = switch (random.nextInt(8)) {
                case 0 -> valid.substring(0, random.nextInt(valid.length()));
                case 1 -> valid + pick("}", "}}", ",", "garbage", "\u0000", "{}");
                case 2 -> valid.replace('"', '\'');
                case 3 -> "/* comment */" + valid;
                case 4 -> valid.replaceFirst("}$", ",}");
                case 5 -> "\uFEFF" + valid;
                case 6 -> valid.replaceAll("\"([a-z_]+)\":", "$1:");
                default -> valid.replace(":", "=");
            };
        } else if (roll < 84) {
            int depth = pickInt(100, 1500, 20_000, 40_000);
            text = chance(0.5)
                    ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        } else if (roll < 88) {
            text = "";
        } else if (roll < 92) {
            byte[] garbage = new byte[1 + random.nextInt(2000)];
            random.nextBytes(garbage);
            return garbage;
        } else if (roll < 95) {
            text = "{\"" + pick(fields.isEmpty() ? List.of("x") : fields) + "\": \""
                    + "a".repeat(pickInt(70_000, 100_000)) + "\"}";
        } else {
            byte[] valid = object(fields, false).getBytes(StandardCharsets.UTF_8);
            byte[] bad = pick(
                    new byte[] {(byte) 0xFF},
                    new byte[] {(byte) 0xC3, 0x28},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                    new byte[] {(byte) 0xC0, (byte) 0xAF});
            int at = valid.length > 2 ? 1 + random.nextInt(valid.length - 2) : 0;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(valid, 0, at);
            out.writeBytes(bad);
            out.write(valid, at, valid.length - at);
            return out.toByteArray();
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String object(List<String> fields, boolean duplicateKeys) {
        List<String> keys = new ArrayList<>();
        for (String field : fields) {
            if (chance(0.8)) {
                keys.add(field);
            }
        }
        if (chance(0.2)) {
            for (int i = random.nextInt(3); i >= 0; i--) {
                keys.add(chance(0.7) ? pick(EXTRA_KEYS) : oddString());
            }
        }
        if (duplicateKeys && !keys.isEmpty()) {
            keys.add(pick(keys));
        }
        if (chance(0.3)) {
            java.util.Collections.shuffle(keys, random);
        }
        List<String> members = new ArrayList<>();
        for (String key : keys) {
            members.add(quote(key) + ":" + value(key, 0));
        }
        return "{" + String.join(pick(",", ", ", ",\n"), members) + "}";
    }

    /** A JSON value for {@code field}: often what the field wants, otherwise anything. */
    private String value(String field, int depth) {
        if (chance(0.45)) {
            String valid = validValue(field);
            if (valid != null) {
                return valid;
            }
        }
        int roll = random.nextInt(100);
        if (roll < 40 || depth > 3) {
            return quote(oddString());
        } else if (roll < 65) {
            return pick(NUMBERS);
        } else if (roll < 75) {
            return pick("true", "false", "null");
        } else if (roll < 83) {
            List<String> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(value(field, depth + 1));
            }
            return "[" + String.join(",", items) + "]";
        } else if (roll < 90) {
            return "{" + quote(field) + ":" + value(field, depth + 1) + "}";
        }
        return pick(BAD_TOKENS);
    }

    private String validValue(String field) {
        return switch (field) {
            case "first_name", "last_name" -> quote(pick("Ada", "Grace", " Ada ", "Zoë"));
            case "username" ->
                quote(
                        chance(0.3)
                                ? pick(targets.usernames())
                                : "fz" + Integer.toString(fresh++, 36) + Long.toHexString(random.nextLong() & 0xFFFFF));
            case "email", "new_email" ->
                quote(
                        chance(0.4)
                                ? pick(targets.emails())
                                : "fz" + Long.toHexString(random.nextLong() & 0xFFFFFF) + "@example.com");
            case "password", "confirm_password", "conform_password" ->
                quote(pick(
                        PASSWORD, PASSWORD, AccountFlowsTest.NEW_PASSWORD, "short", "password1234", "p".repeat(129)));
            case "old_password" -> quote(pick(PASSWORD, "not the password at all"));
            case "code" -> quote(String.format("%06d", random.nextInt(1_000_000)));
            case "refresh_token" -> quote(pick(targets.refreshTokens()));
            case "all" -> pick("true", "false");
            case "role" -> quote(pick("ADMIN", "USER", "admin", "ROOT", ""));
            case "device_token" -> quote(pick("", "x".repeat(43), "not-a-device-token"));
            case "name" -> quote(pick("Lamp", "Fuzzed lamp", " Lamp ", "L"));
            case "description", "decription" -> quote(pick("Warm light", "", "d".repeat(5000), "d".repeat(5001)));
            case "price" ->
                pick("\"12.50\"", "12.5", "\"0\"", "0", "\"9999999999.99\"", "\"10000000000\"", "\"1.005\"", "\"-1\"");
            case "quantity" -> pick("3", "0", "\"7\"", "-1", "2147483648");
            case "position" -> pick("0", "1", "9", "-1", "2147483648");
            case "order" -> pick("[]", "[1, 2]", "[1, 1]", "[\"1\"]", "[-1]", "[9223372036854775807]", "[1.5]");
            case "photo" ->
                pick(
                        "\"\"",
                        "null",
                        "\"https://example.com/x.png\"",
                        "\"ftp://x/y\"",
                        quote("http://127.0.0.1:" + targets.port() + "/media/" + targets.photoKey()),
                        "\"javascript:x\"");
            default -> null;
        };
    }

    private byte[] multipart(String boundary, List<String> fields, String fileField) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        String eol = chance(0.05) ? "\n" : "\r\n";
        if (chance(0.05)) {
            form.writeBytes(("preamble " + oddString() + eol).getBytes(StandardCharsets.UTF_8));
        }
        for (String field : fields) {
            if (chance(0.8)) {
                String validish = validValue(field);
                String text = validish != null && chance(0.6) ? validish.replace("\"", "") : oddString();
                part(
                        form,
                        boundary,
                        eol,
                        "form-data; name=\"" + field + "\"",
                        null,
                        text.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (chance(0.85)) {
            String fileName = chance(0.7)
                    ? pick("dot.png", "photo.jpg", "x")
                    : oddString().replace("\"", "");
            String type = chance(0.7)
                    ? "image/png"
                    : pick("text/html", "application/octet-stream", "", "image/svg+xml", "garbage/;;");
            part(
                    form,
                    boundary,
                    eol,
                    "form-data; name=\"" + fileField + "\"; filename=\"" + fileName + "\"",
                    type.isEmpty() ? null : type,
                    image());
        }
        if (chance(0.1)) {
            part(
                    form,
                    boundary,
                    eol,
                    "form-data; name=\"" + pick(EXTRA_KEYS).replace("\"", "") + "\"",
                    null,
                    oddString().getBytes(StandardCharsets.UTF_8));
        }
        if (chance(0.05)) {
            part(
                    form,
                    boundary,
                    eol,
                    "form-data; name=\"" + fileField + "\"; filename=\"again.png\"",
                    "image/png",
                    SampleImages.png());
        }
        int corruption = chance(0.3) ? random.nextInt(8) : -1;
        switch (corruption) {
            case 0 -> {} // no closing boundary
            case 1 -> form.writeBytes(("--" + boundary + "-" + eol).getBytes(StandardCharsets.UTF_8));
            case 2 -> {
                form.writeBytes(
                        ("--" + boundary + eol + "Content-Type: text/plain" + eol + eol + "no disposition" + eol)
                                .getBytes(StandardCharsets.UTF_8));
                form.writeBytes(("--" + boundary + "--" + eol).getBytes(StandardCharsets.UTF_8));
            }
            case 3 -> {
                form.writeBytes(("--" + boundary + eol + "Content-Disposition: "
                                + pick(
                                        "form-data; name=",
                                        "form-data; name=\"",
                                        "garbage",
                                        "form-data; name=\"a\u0000b\"",
                                        "form-data; filename=\"x\"")
                                + eol + eol + "x" + eol)
                        .getBytes(StandardCharsets.UTF_8));
                form.writeBytes(("--" + boundary + "--" + eol).getBytes(StandardCharsets.UTF_8));
            }
            case 4 -> {
                byte[] whole = form.toByteArray();
                form.reset();
                form.write(whole, 0, random.nextInt(whole.length + 1));
            }
            case 5 -> {
                form.writeBytes(("--" + boundary + eol + "X-Huge: " + "h".repeat(pickInt(9000, 70_000)) + eol
                                + "Content-Disposition: form-data; name=\"name\"" + eol + eol + "x" + eol)
                        .getBytes(StandardCharsets.UTF_8));
                form.writeBytes(("--" + boundary + "--" + eol).getBytes(StandardCharsets.UTF_8));
            }
            case 6 ->
                form.writeBytes(
                        ("--" + boundary + "--" + eol + "epilogue " + oddString()).getBytes(StandardCharsets.UTF_8));
            case 7 -> form.writeBytes(("--not-the-boundary--" + eol).getBytes(StandardCharsets.UTF_8));
            default -> form.writeBytes(("--" + boundary + "--" + eol).getBytes(StandardCharsets.UTF_8));
        }
        return form.toByteArray();
    }

    private static void part(
            ByteArrayOutputStream form, String boundary, String eol, String disposition, String type, byte[] content) {
        form.writeBytes(("--" + boundary + eol + "Content-Disposition: " + disposition + eol
                        + (type == null ? "" : "Content-Type: " + type + eol) + eol)
                .getBytes(StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes(eol.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] image() {
        return switch (random.nextInt(12)) {
            case 0 -> SampleImages.jpeg();
            case 1 -> SampleImages.gif();
            case 2 -> SampleImages.webp();
            case 3 -> SampleImages.html();
            case 4 -> new byte[0];
            case 5 -> Arrays.copyOf(SampleImages.png(), 4);
            case 6 -> {
                byte[] noise = new byte[random.nextInt(3000)];
                random.nextBytes(noise);
                yield noise;
            }
            case 7 -> {
                byte[] tail = new byte[random.nextInt(3000)];
                random.nextBytes(tail);
                byte[] png = SampleImages.png();
                byte[] both = Arrays.copyOf(png, png.length + tail.length);
                System.arraycopy(tail, 0, both, png.length, tail.length);
                yield both;
            }
            case 10 -> TestImages.png(1 + random.nextInt(64), 1 + random.nextInt(64));
            case 11 -> TestImages.pngBomb(50_000, 50_000);
            default -> SampleImages.png();
        };
    }

    // ---- other headers ----

    private void extraHeaders(List<String[]> headers) {
        if (chance(0.1)) {
            headers.add(new String[] {
                "Accept",
                pick(
                        "text/html",
                        "application/xml",
                        "*/*;q=0",
                        "application/json",
                        "image/png",
                        "garbage",
                        "text/*, application/json;q=0.1")
            });
        }
        if (chance(0.05)) {
            headers.add(new String[] {"Accept-Encoding", pick("gzip", "deflate, br", "*", "identity;q=0", "gzip;q=x")});
        }
        if (chance(0.08)) {
            headers.add(new String[] {
                pick("If-Match", "If-None-Match"),
                pick(
                        "*",
                        "\"v1\"",
                        "W/\"v1\"",
                        "\"vabc\"",
                        "garbage",
                        "\"v9223372036854775808\"",
                        "\"v-1\"",
                        "\"\"",
                        "\"v" + "9".repeat(400) + "\"")
            });
        }
        if (chance(0.05)) {
            headers.add(new String[] {"X-Forwarded-For", pick("1.2.3.4", "garbage", "::1, 10.0.0.1", "", "999.1.1.1")});
        }
        if (chance(0.03)) {
            headers.add(new String[] {
                pick(
                        "Origin",
                        "Cookie",
                        "Range",
                        "Accept-Language",
                        "User-Agent",
                        "X-Request-Id",
                        "X-HTTP-Method-Override",
                        "Accept-Charset"),
                pick(
                        "https://evil.example",
                        "x=y",
                        "bytes=0-1",
                        "bytes=-5,9-",
                        "zz",
                        "DELETE",
                        "utf-7",
                        "de-CH;q=0.9, *;q=0.1",
                        "a".repeat(500))
            });
        }
    }

    // ---- the raw form ----

    /** The bytes of {@code request} on the wire, with its twist applied. */
    byte[] serialize(Request request) {
        String twist = request.twist() == null ? "plain" : request.twist();
        String version = twist.equals("version")
                ? pickFixed(
                        request,
                        "HTTP/1.0",
                        "HTTP/1.2",
                        "HTTP/2.0",
                        "HTTP/9.9",
                        "http/1.1",
                        "HTTP/1",
                        "",
                        "HTTP/1.1 extra",
                        "HTTP/01.1")
                : "HTTP/1.1";
        String method = twist.equals("method")
                ? pickFixed(request, "G ET", "", "GET\u0000", "GÉT", "X".repeat(1000), "CONNECT", "PRI")
                : request.method();
        String target = switch (twist) {
            case "target" ->
                pickFixed(
                        request,
                        request.target().replaceFirst("/", "/\u0000"),
                        request.target().replaceFirst("/", "/ /"),
                        request.target() + "%zz",
                        request.target() + "é",
                        request.target().replace('/', '\\'),
                        request.target() + "#frag",
                        "http://evil.example" + request.target(),
                        "*",
                        request.target().substring(1),
                        "/../../etc/passwd",
                        "/media/../../etc/passwd",
                        "/products/%",
                        request.target() + "?%zz=1");
            case "long-target" -> request.target() + "?q=" + "a".repeat(pickFixedInt(request, 9000, 20_000));
            default -> request.target();
        };
        String space = twist.equals("spacing") ? pickFixed(request, "  ", "\t", " \t ") : " ";
        StringBuilder head = new StringBuilder();
        if (twist.equals("spacing") && request.index() % 2 == 0) {
            head.append(' ');
        }
        head.append(method)
                .append(space)
                .append(target)
                .append(version.isEmpty() ? "" : space + version)
                .append("\r\n");
        if (!twist.equals("host")) {
            head.append("Host: 127.0.0.1:").append(targets.port()).append("\r\n");
        } else {
            head.append(pickFixed(
                    request,
                    "",
                    "Host: evil.example:99999\r\n",
                    "Host: [::1\r\n",
                    "Host: a\r\nHost: b\r\n",
                    "Host: \r\n",
                    "Host: a b c\r\n"));
        }
        for (String[] header : request.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        byte[] body = request.body() == null ? new byte[0] : request.body();
        boolean chunked = twist.equals("chunked");
        switch (twist) {
            case "header" ->
                head.append(pickFixed(
                        request,
                        "Bad Header\r\n",
                        "X: a\u0000b\r\n",
                        "X : a\r\n",
                        " folded: continuation\r\n",
                        "X-Ünicode: ü\r\n",
                        "X: \u0001\u007f\r\n",
                        "(): x\r\n",
                        ": empty\r\n"));
            case "length" ->
                head.append(pickFixed(
                        request,
                        "Content-Length: -1\r\n",
                        "Content-Length: abc\r\n",
                        "Content-Length: 5\r\nContent-Length: 7\r\n",
                        "Content-Length: 99999999999999999999\r\n",
                        "Content-Length: +10\r\n",
                        "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n",
                        "Content-Length: " + (body.length + 10) + "\r\n",
                        "Content-Length: 0\r\n"));
            case "expect" ->
                head.append("Expect: 100-continue\r\nContent-Length: ")
                        .append(body.length)
                        .append("\r\n");
            case "header-flood" -> {
                for (int i = 0; i < pickFixedInt(request, 120, 1000); i++) {
                    head.append("X-Flood-").append(i).append(": ").append(i).append("\r\n");
                }
            }
            default -> {}
        }
        if (chunked) {
            head.append("Transfer-Encoding: ")
                    .append(pickFixed(request, "chunked", "chunked", "Chunked", "chunked, gzip", "identity"))
                    .append("\r\n");
        } else if (!twist.equals("length") && !twist.equals("expect") && (body.length > 0 || !request.head())) {
            long declared = twist.equals("truncated") ? body.length + 1 + request.index() % 1000 : body.length;
            if (body.length > 0 || twist.equals("truncated")) {
                head.append("Content-Length: ").append(declared).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n");
        String eol = twist.equals("bare-lf") ? "\n" : "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString()
                .replace("\r\n", eol)
                .getBytes(twist.equals("raw-bytes") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
        if (chunked) {
            out.writeBytes(chunks(request, body));
        } else {
            out.writeBytes(body);
        }
        if (twist.equals("pipelined")) {
            out.writeBytes(pickFixed(
                            request,
                            "GARBAGE\r\n\r\n",
                            "GET /products/ HTTP/1.1\r\nHost: x\r\n\r\n",
                            "\u0000\u0001\u0002")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static byte[] chunks(Request request, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int style = request.index() % 6;
        switch (style) {
            case 0 -> out.writeBytes("ZZ\r\n".getBytes(StandardCharsets.ISO_8859_1));
            case 1 -> out.writeBytes("FFFFFFFFFFFFFFFF\r\nabc\r\n".getBytes(StandardCharsets.ISO_8859_1));
            case 2 -> out.writeBytes("-1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            default -> {
                int at = 0;
                while (at < body.length) {
                    int size = Math.min(body.length - at, 1 + (at * 7 + 13) % 500);
                    String ext = style == 3 ? ";ext=\"" + "e".repeat(100) + "\"" : "";
                    out.writeBytes((Integer.toHexString(size) + ext + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, at, size);
                    out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    at += size;
                }
                if (style != 4) {
                    out.writeBytes(("0\r\n" + (style == 5 ? "Trailer-Garbage\r\n" : "") + "\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out.toByteArray();
    }

    // ---- strings ----

    /** A string of the kinds that break code: empty, NUL, lone surrogates, bidi marks, emoji, huge, odd digits... */
    String oddString() {
        return switch (random.nextInt(14)) {
            case 0 -> "";
            case 1 -> pick(" ", "\t", "\r\n", "\u0000", "a\u0000b", "\u0000".repeat(5), "   x   ");
            case 2 -> pick("\uD800", "x\uDBFFy", "\uDC00", "\uDFFF\uD800", "ok\uD83D");
            case 3 -> pick("\u202Eabc\u202C", "\u200F\u200E", "\u2066x\u2069", "\u061C", "\u202Dgnp.exe");
            case 4 -> pick("😀", "👩‍👩‍👧‍👦", "🏳️‍🌈", "😀".repeat(1000), "\uD83D\uDE00x");
            case 5 -> "e" + "\u0301".repeat(pickInt(1, 50, 500));
            case 6 -> pick("\u200B", "\uFEFFadmin", "\u00A0", "ａｄｍｉｎ", "İ", "ß", "ǅ");
            case 7 -> "a".repeat(pickInt(129, 151, 201, 255, 256, 5001, 70_000, 100_000));
            case 8 -> {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(40); i >= 0; i--) {
                    int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
                    if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
                        text.appendCodePoint(codePoint);
                    }
                }
                yield text.toString();
            }
            case 9 ->
                pick(
                        "' OR '1'='1",
                        "\"; DROP TABLE users; --",
                        "${jndi:ldap://x/a}",
                        "{{7*7}}",
                        "%s%n%x",
                        "../../../../etc/passwd",
                        "..\\..\\windows",
                        "$(id)",
                        "`id`",
                        "<script>alert(1)</script>",
                        "javascript:alert(1)",
                        "\\",
                        "\"",
                        "{\"nested\": true}");
            case 10 ->
                pick(
                        "0",
                        "-1",
                        "1e309",
                        "NaN",
                        "Infinity",
                        "0x1F",
                        "١٢٣",
                        "１２３",
                        "12.345",
                        "9999999999.99",
                        "10000000000",
                        "-0.0",
                        "1,5");
            case 11 ->
                pick(
                        "a@b",
                        "@",
                        "a@b.c",
                        "a".repeat(64) + "@" + "b".repeat(250) + ".com",
                        "ada@example.com\u0000",
                        "ADA@EXAMPLE.COM",
                        "\"quoted\"@x.y",
                        "a@[127.0.0.1]",
                        "a@b..c",
                        "ü@ü.de");
            case 12 -> {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(20); i >= 0; i--) {
                    text.append(
                            (char) pickInt(random.nextInt(0x20), 0x7F, 0x80 + random.nextInt(0x20), 0xFFFE, 0xFFFF));
                }
                yield text.toString();
            }
            default -> oddString() + oddString();
        };
    }

    /** JSON's string syntax, with lone surrogates and control characters escaped so the bytes stay UTF-8. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                json.append(c).append(text.charAt(++i));
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String percentEncode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1)))) {
                // What a lone surrogate becomes in CESU-8: bytes no UTF-8 decoder accepts.
                encoded.append("%ED%")
                        .append(HexFormat.of().withUpperCase().toHexDigits((byte) (0xA0 | (c >> 6 & 0x0F))))
                        .append('%')
                        .append(HexFormat.of().withUpperCase().toHexDigits((byte) (0x80 | (c & 0x3F))));
            } else {
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                encoded.append(URLEncoder.encode(text.substring(i, end), StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return encoded.toString();
    }

    // ---- choices ----

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private int pickInt(int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A choice fixed by the request, so that serialising it again gives the same bytes. */
    @SafeVarargs
    private static <T> T pickFixed(Request request, T... choices) {
        return choices[Math.floorMod(request.index() * 31 + request.target().length(), choices.length)];
    }

    private static int pickFixedInt(Request request, int... choices) {
        return choices[Math.floorMod(request.index() * 31 + request.target().length(), choices.length)];
    }
}
