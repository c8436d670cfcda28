package dev.stockroom.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.adapters.rest.security.EcKeys;
import dev.stockroom.adapters.rest.security.TokenSettings;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.domain.ImagePolicy;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.request.logging.old.LogbackClassicRequestLogFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's settings: a block per module, each building that module's own objects. Every field
 * has a default, so {@code server} runs with no file on the embedded default (H2 and mail files under
 * {@link #dataDir}); {@link EnvironmentOverrides} applies the {@code STOCKROOM_*} variables on top.
 */
public class StockroomConfiguration extends Configuration {
    private static final Logger LOG = LoggerFactory.getLogger(StockroomConfiguration.class);
    public static final String EMBEDDED_DATABASE = "embedded";

    @JsonProperty
    @NotBlank
    public String dataDir = "./stockroom-data";
    /** The url {@value #EMBEDDED_DATABASE} means: the H2 file database under the data directory. */
    @JsonProperty
    @Valid
    @NotNull
    public StockroomDataSourceFactory database = new StockroomDataSourceFactory();

    @JsonProperty
    public boolean migrateOnStart = true;

    @JsonProperty
    @Valid
    @NotNull
    public JwtSettings jwt = new JwtSettings();

    @JsonProperty
    @Valid
    @NotNull
    public OutgoingMailSettings mail = new OutgoingMailSettings();

    @JsonProperty
    @Valid
    @NotNull
    public AccountSettings accounts = new AccountSettings();

    @JsonProperty
    @Valid
    @NotNull
    public CatalogSettings catalog = new CatalogSettings();

    @JsonProperty
    @Valid
    @NotNull
    public PasswordHashingSettings passwordHashing = new PasswordHashingSettings();

    @JsonProperty
    @Valid
    @NotNull
    public ThrottlingSettings throttling = new ThrottlingSettings();
    /** Photos; empty: {@code <dataDir>/photos}. Instances each keep their own dataDir but share this. */
    @JsonProperty
    public String photosDir = "";
    /** Where uploaded photos are kept: local (files in {@link #photosDir}, the default) or s3 ({@link #s3}). */
    @JsonProperty
    public String photoStore = PhotoStorage.LOCAL;
    /** {@code s3:}: the bucket, with {@code photoStore: s3}; several instances on one bucket serve each other's photos. */
    @JsonProperty
    @Valid
    @NotNull
    public S3StorageSettings s3 = new S3StorageSettings();
    /** On SIGTERM, how long health says "draining" (still answering) before the ports close; 0: at once. */
    @JsonProperty
    @NotNull
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    public Duration drainDelay = Duration.seconds(0);

    /** {@code cors:}: the browser origins allowed to call the API; none by default. */
    @JsonProperty
    @Valid
    @NotNull
    public CorsSettings cors = new CorsSettings();

    /**
     * The URL every link the API writes starts with (behind a proxy: {@code https://shop.example/api});
     * empty: the request's own base URL.
     */
    @JsonProperty
    public String publicBaseUrl = "";

    public StockroomConfiguration() {
        database.setDriverClass("org.h2.Driver");
        database.setUrl(EMBEDDED_DATABASE);
        database.setUser("stockroom");
        database.setPassword("");
        // logback-classic: logback-access's facts at a fraction of the cost (it copies every header, cookie and
        // attribute of every request); "server.requestLog.type: logback-access" in a file brings it back.
        if (getServerFactory() instanceof AbstractServerFactory server) {
            server.setRequestLogFactory(new LogbackClassicRequestLogFactory());
        }
        // Liquibase tells every step of every migration at INFO, its update summary twice; its warnings still show.
        if (getLoggingFactory() instanceof io.dropwizard.logging.common.DefaultLoggingFactory logging) {
            logging.setLoggers(
                    java.util.Map.of("liquibase", com.fasterxml.jackson.databind.node.TextNode.valueOf("WARN")));
        }
    }

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** The photo directory: {@link #photosDir}, or {@code photos} under the data directory. */
    public Path photosPath() {
        return photosDir == null || photosDir.isBlank()
                ? dataPath().resolve("photos")
                : Path.of(photosDir.strip()).toAbsolutePath().normalize();
    }

    /** {@link #publicBaseUrl}, checked: an absolute http(s) URL without query or fragment; empty when unset. */
    public Optional<URI> publicBaseUri() {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return Optional.empty();
        }
        String text = publicBaseUrl.strip();
        String problem = "publicBaseUrl / STOCKROOM_PUBLIC_BASE_URL must be an absolute http or https URL without "
                + "query or fragment, such as https://shop.example/api, not '" + text + "'";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(problem);
        }
        return Optional.of(uri);
    }

    /** The core's account policy: {@code accounts:}, with {@code throttling.perAccount} for wrong passwords. */
    public AccountPolicy accountPolicy() {
        return accounts.toPolicy().withLoginThrottle(throttling.perAccount.toThrottle());
    }

    /** A default of the core's, not cut short to whole seconds or minutes as it would be in a coarser unit. */
    static Duration exactly(java.time.Duration value) {
        return Duration.nanoseconds(value.toNanos());
    }

    /** What {@code build} returns; when it refuses a value, its message with the setting's name in front. */
    static <T> T named(String setting, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            // No cause: the start prints the trace, and the message already holds the cause's.
            throw new IllegalArgumentException(setting + ": " + e.getMessage());
        }
    }

    /** {@code jwt:}: the access tokens' algorithm, signing keys, issuer and audience. */
    public static class JwtSettings {
        static final String PRIVATE_KEY = "jwt.privateKey / STOCKROOM_JWT_PRIVATE_KEY";

        /** ES256 (the default: asymmetric, published at /.well-known/jwks.json) or HS256 (the shared {@link #secret}). */
        @JsonProperty
        @NotNull
        @Pattern(regexp = "ES256|HS256", message = "must be ES256 or HS256")
        public String algorithm = "ES256";

        /** HS256: base64 of at least 32 random bytes; when absent a key is generated and kept in the data directory. */
        @JsonProperty
        public String secret;

        /**
         * ES256: the P-256 private key as PEM PKCS#8, or the path of a file holding it; when absent a
         * key is generated and kept in the data directory.
         */
        @JsonProperty
        public String privateKey;

        /**
         * ES256: keys signed with before the current one (PEM public or private keys, or paths of such
         * files): published and accepted until removed, so tokens they signed verify until they expire.
         */
        @JsonProperty
        @NotNull
        public List<String> retiredKeys = new ArrayList<>();

        @JsonProperty
        @NotBlank
        public String issuer = "stockroom";

        @JsonProperty
        @NotBlank
        public String audience = "stockroom-api";

        boolean isHs256() {
            return "HS256".equals(algorithm);
        }

        /**
         * Refuses configured key material that cannot work, with one line naming the setting, before
         * anything is migrated; the generated keys are looked at by {@link #toSettings} only.
         */
        void validate() {
            if (isHs256()) {
                return;
            }
            if (privateKey != null && !privateKey.isBlank()) {
                named(PRIVATE_KEY, () -> EcKeys.privateKey(JwtKeys.pem(privateKey)));
            }
            retiredKeys();
        }

        private List<ECPublicKey> retiredKeys() {
            List<ECPublicKey> keys = new ArrayList<>();
            for (int i = 0; i < retiredKeys.size(); i++) {
                String key = retiredKeys.get(i);
                keys.add(named("jwt.retiredKeys[" + i + "]", () -> JwtKeys.retiredKey(key)));
            }
            return keys;
        }

        /** The REST adapter's; resolves (on first use generates) the key, so only the server calls it. */
        TokenSettings toSettings(Path dataDir, SecureRandom random) {
            if (isHs256()) {
                if (privateKey != null && !privateKey.isBlank()) {
                    LOG.warn("jwt.algorithm is HS256: {} is not used", PRIVATE_KEY);
                }
                return new TokenSettings(JwtKeys.resolve(secret, dataDir, random), issuer, audience);
            }
            if (secret != null && !secret.isBlank()) {
                LOG.warn("jwt.algorithm is ES256: jwt.secret / STOCKROOM_JWT_SECRET is not used "
                        + "(jwt.algorithm: HS256 signs with it as before)");
            }
            KeyPair current = privateKey == null || privateKey.isBlank()
                    ? JwtKeys.resolveEs256(null, dataDir, random)
                    : named(PRIVATE_KEY, () -> JwtKeys.resolveEs256(privateKey, dataDir, random));
            return TokenSettings.es256(current, retiredKeys(), issuer, audience);
        }
    }

    /** {@code catalog:}: the core's {@link CatalogPolicy}, which the REST adapter's upload limit reads too. */
    public static class CatalogSettings {
        /** The largest photo accepted, in bytes; an upload in flight is held in memory whole, hence the bound. */
        @JsonProperty
        @Min(1)
        @Max(64 * 1024 * 1024)
        public int maxPhotoBytes = CatalogPolicy.DEFAULT_MAX_PHOTO_BYTES;
        /** How long a deleted product can be restored; housekeeping then removes it and its photo. */
        @JsonProperty
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MINUTES)
        public Duration deletedRetention = exactly(CatalogPolicy.DEFAULT_DELETED_RETENTION);

        /** The most an operator may allow: a gigapixel image decodes to 4 GB. */
        static final long MAX_IMAGE_PIXELS_LIMIT = 1_000_000_000L;

        /** The most pixels (width × height, read from the header before decoding) an image upload may declare. */
        @JsonProperty
        @Min(1)
        @Max(MAX_IMAGE_PIXELS_LIMIT)
        public long maxImagePixels = ImagePolicy.DEFAULT_MAX_IMAGE_PIXELS;

        public CatalogPolicy toPolicy() {
            return new CatalogPolicy(maxPhotoBytes, deletedRetention.toJavaDuration());
        }

        public ImagePolicy toImagePolicy() {
            return new ImagePolicy(maxImagePixels);
        }
    }

    /** {@code passwordHashing:}: which Argon2id runs and its bounded pool, built by {@link PasswordHashing}. */
    public static class PasswordHashingSettings {
        /** auto: libargon2 when it loads, else pure Java with a warning; native: libargon2 or no start; java. */
        @JsonProperty
        @NotNull
        @Pattern(regexp = "(?i)auto|native|java", message = "must be auto, native or java")
        public String implementation = "auto";
        /** Hashes at once; 0: one per core. */
        @JsonProperty
        @Min(0)
        @Max(256)
        public int threads = 0;
        /** Hashes that may wait for a thread; one more answers 503 at once. */
        @JsonProperty
        @Min(1)
        @Max(100_000)
        public int maxWaiting = 64;
        /** Hashing threads at a lower OS priority (Linux), so reads keep their latency under a login flood. */
        @JsonProperty
        public boolean lowPriority = true;

        /** The configured thread count, or the number of cores for 0. */
        int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }
}
