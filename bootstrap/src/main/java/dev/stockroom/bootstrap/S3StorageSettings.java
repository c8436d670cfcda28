package dev.stockroom.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.adapters.storage.s3.S3Settings;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code s3:}: the bucket photos are kept in when {@code photoStore} is {@code s3}, and how to
 * reach it: AWS S3 itself with no endpoint, else any S3-compatible service at {@code endpoint}
 * (MinIO, Cloudflare R2, Ceph, S3Mock...), which mostly needs {@code pathStyleAccess: true}. With no
 * access key here (nor in {@code STOCKROOM_S3_ACCESS_KEY_ID}), the SDK's default chain finds one:
 * the {@code AWS_*} variables, {@code ~/.aws}, the instance or container role.
 */
public class S3StorageSettings {
    /** Each field's name in messages: the setting and its variable. */
    private static final Map<String, String> NAMES = Map.of(
            "endpoint", "s3.endpoint / STOCKROOM_S3_ENDPOINT",
            "region", "s3.region / STOCKROOM_S3_REGION",
            "bucket", "s3.bucket / STOCKROOM_S3_BUCKET",
            "keyPrefix", "s3.keyPrefix / STOCKROOM_S3_KEY_PREFIX",
            "accessKeyId", "s3.accessKeyId / STOCKROOM_S3_ACCESS_KEY_ID",
            "secretAccessKey", "s3.secretAccessKey / STOCKROOM_S3_SECRET_ACCESS_KEY",
            "connectTimeout", "s3.connectTimeout / STOCKROOM_S3_CONNECT_TIMEOUT",
            "socketTimeout", "s3.socketTimeout / STOCKROOM_S3_SOCKET_TIMEOUT",
            "callTimeout", "s3.callTimeout / STOCKROOM_S3_CALL_TIMEOUT");

    /** Empty: AWS S3 in {@link #region}; else the base URL of an S3-compatible service. */
    @JsonProperty
    public String endpoint = "";

    @JsonProperty
    public String region = "us-east-1";

    /** Required with {@code photoStore: s3}; created beforehand (the service never creates one). */
    @JsonProperty
    public String bucket = "";

    /** Prepended to every photo's key, as a folder ({@code photos} keeps them under {@code photos/}). */
    @JsonProperty
    public String keyPrefix = "";

    /** {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: what MinIO and most others need. */
    @JsonProperty
    public boolean pathStyleAccess = false;

    /** With {@link #secretAccessKey}; both empty: the SDK's default credentials chain. */
    @JsonProperty
    public String accessKeyId = "";

    @JsonProperty
    public String secretAccessKey = "";

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    public Duration connectTimeout = Duration.seconds(5);

    /** The longest wait for the next bytes of an answer. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
    public Duration socketTimeout = Duration.seconds(30);

    /** The longest a whole call may take, its retries included. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
    public Duration callTimeout = Duration.seconds(60);

    /** The {@code STOCKROOM_PHOTO_STORE} and {@code STOCKROOM_S3_*} variables over the file. */
    static void applyEnvironment(StockroomConfiguration config, Map<String, String> env) {
        ifSet(env, "STOCKROOM_PHOTO_STORE", store -> config.photoStore = store);
        S3StorageSettings s3 = config.s3;
        ifSet(env, "STOCKROOM_S3_ENDPOINT", value -> s3.endpoint = value);
        ifSet(env, "STOCKROOM_S3_REGION", value -> s3.region = value);
        ifSet(env, "STOCKROOM_S3_BUCKET", value -> s3.bucket = value);
        ifSet(env, "STOCKROOM_S3_KEY_PREFIX", value -> s3.keyPrefix = value);
        ifSet(
                env,
                "STOCKROOM_S3_PATH_STYLE",
                value -> s3.pathStyleAccess = trueFalse("STOCKROOM_S3_PATH_STYLE", value));
        ifSet(env, "STOCKROOM_S3_ACCESS_KEY_ID", value -> s3.accessKeyId = value);
        ifSet(env, "STOCKROOM_S3_SECRET_ACCESS_KEY", value -> s3.secretAccessKey = value);
        ifSet(
                env,
                "STOCKROOM_S3_CONNECT_TIMEOUT",
                value -> s3.connectTimeout = duration("STOCKROOM_S3_CONNECT_TIMEOUT", value));
        ifSet(
                env,
                "STOCKROOM_S3_SOCKET_TIMEOUT",
                value -> s3.socketTimeout = duration("STOCKROOM_S3_SOCKET_TIMEOUT", value));
        ifSet(env, "STOCKROOM_S3_CALL_TIMEOUT", value -> s3.callTimeout = duration("STOCKROOM_S3_CALL_TIMEOUT", value));
    }

    /**
     * The adapter's settings, checked; a refused value said with the setting and its variable.
     *
     * @throws IllegalArgumentException naming the setting
     */
    S3Settings toSettings() {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException(NAMES.get("bucket") + ": is required when photoStore / "
                    + "STOCKROOM_PHOTO_STORE is s3 (the name of an existing bucket)");
        }
        boolean hasId = accessKeyId != null && !accessKeyId.isBlank();
        boolean hasSecret = secretAccessKey != null && !secretAccessKey.isBlank();
        try {
            Optional<S3Settings.Credentials> credentials = hasId || hasSecret
                    ? Optional.of(new S3Settings.Credentials(
                            hasId ? accessKeyId.strip() : "", hasSecret ? secretAccessKey.strip() : ""))
                    : Optional.empty();
            return new S3Settings(
                    endpoint(),
                    region == null ? "" : region.strip(),
                    bucket.strip(),
                    keyPrefix,
                    pathStyleAccess,
                    credentials,
                    connectTimeout.toJavaDuration(),
                    socketTimeout.toJavaDuration(),
                    callTimeout.toJavaDuration());
        } catch (IllegalArgumentException e) {
            throw named(e);
        }
    }

    private Optional<URI> endpoint() {
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(endpoint.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(NAMES.get("endpoint") + ": must be an http or https URL such as "
                    + "http://127.0.0.1:9000, not '" + endpoint.strip() + "'");
        }
    }

    /** The adapter says "bucket: ..."; the operator reads "s3.bucket / STOCKROOM_S3_BUCKET: ...". */
    private static IllegalArgumentException named(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int colon = message.indexOf(':');
        String field = colon < 0 ? "" : message.substring(0, colon);
        String name = NAMES.get(field);
        return new IllegalArgumentException(name == null ? "s3: " + message : name + message.substring(colon));
    }

    private static void ifSet(Map<String, String> env, String name, Consumer<String> setter) {
        String value = env.get(name);
        if (value != null && !value.isBlank()) {
            setter.accept(value.strip());
        }
    }

    private static boolean trueFalse(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }

    private static Duration duration(String name, String value) {
        try {
            Duration duration = Duration.parse(value);
            if (duration.toMilliseconds() > 0) {
                return duration;
            }
        } catch (IllegalArgumentException e) {
            // explained below
        }
        throw new IllegalArgumentException(
                name + " must be a positive duration such as 5s or 500ms, not '" + value + "'");
    }
}
