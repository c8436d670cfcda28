package dev.stockroom.adapters.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how {@link S3PhotoStore} keeps photos: an optional endpoint (any S3-compatible service:
 * MinIO, Cloudflare R2, S3Mock...; empty is AWS S3 itself), the region, the bucket, a key prefix
 * ({@code ""} or ending in {@code /}, so {@code photos} becomes {@code photos/}), path-style access
 * (what most S3-compatible servers need), credentials (empty: the SDK's default chain: the
 * {@code AWS_*} variables, the profile files, the instance or container role) and the timeouts of
 * one connection, one read and one whole call (with its retries).
 */
public record S3Settings(
        Optional<URI> endpoint,
        String region,
        String bucket,
        String keyPrefix,
        boolean pathStyleAccess,
        Optional<Credentials> credentials,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration callTimeout) {
    // S3's rules for a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending
    // with a letter or digit.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,64}");
    private static final int MAX_PREFIX = 512;

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        endpoint.ifPresent(S3Settings::checkEndpoint);
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region: must be a region name such as us-east-1, not '" + region + "'");
        }
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket: must be a bucket name (3 to 63 lower-case letters, digits,"
                    + " dots and hyphens), not '" + bucket + "'");
        }
        keyPrefix = prefix(keyPrefix);
        positive("connectTimeout", connectTimeout);
        positive("socketTimeout", socketTimeout);
        positive("callTimeout", callTimeout);
    }

    /** The default timeouts: 5 s to connect, 30 s for one read, 60 s for a whole call with its retries. */
    public static S3Settings of(
            Optional<URI> endpoint,
            String region,
            String bucket,
            String keyPrefix,
            boolean pathStyleAccess,
            Optional<Credentials> credentials) {
        return new S3Settings(
                endpoint,
                region,
                bucket,
                keyPrefix,
                pathStyleAccess,
                credentials,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    /** Where the photos are, for a log line: never the credentials. */
    public String describe() {
        return "bucket " + bucket + (keyPrefix.isEmpty() ? "" : " under " + keyPrefix) + " at "
                + endpoint.map(URI::toString).orElse("AWS S3 " + region);
    }

    @Override
    public String toString() {
        return "S3Settings[" + describe() + ", pathStyleAccess=" + pathStyleAccess + ", credentials="
                + credentials.map(Credentials::toString).orElse("the SDK's default chain") + "]";
    }

    /** A static access key; {@link #toString()} shows the key id only, never the secret. */
    public record Credentials(String accessKeyId, String secretAccessKey) {
        public Credentials {
            if (accessKeyId == null || accessKeyId.isBlank()) {
                throw new IllegalArgumentException("accessKeyId: is required with a secretAccessKey");
            }
            if (secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("secretAccessKey: is required with an accessKeyId");
            }
        }

        @Override
        public String toString() {
            return "access key " + accessKeyId;
        }
    }

    private static void checkEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || endpoint.getHost() == null
                || endpoint.getRawUserInfo() != null
                || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint: must be an http or https URL such as http://127.0.0.1:9000,"
                    + " without user, query or fragment, not '" + endpoint + "'");
        }
    }

    private static String prefix(String prefix) {
        String text = prefix == null ? "" : prefix.strip();
        while (text.startsWith("/")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            return "";
        }
        if (!text.endsWith("/")) {
            text = text + "/";
        }
        if (text.length() > MAX_PREFIX || text.contains("//") || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("keyPrefix: must be at most " + MAX_PREFIX
                    + " characters of path segments such as photos/, not '" + prefix + "'");
        }
        return text;
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": must be a positive duration, not " + value);
        }
    }
}
