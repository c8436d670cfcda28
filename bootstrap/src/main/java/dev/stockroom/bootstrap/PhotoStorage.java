package dev.stockroom.bootstrap;

import com.codahale.metrics.health.HealthCheck;
import dev.stockroom.adapters.persistence.photo.FilePhotoStore;
import dev.stockroom.adapters.storage.s3.S3PhotoStore;
import dev.stockroom.adapters.storage.s3.S3Settings;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.shared.StorageUnavailable;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The photo store {@code photoStore} chooses: {@code local}, files in {@code photosDir} (the
 * default, for one instance or instances sharing that directory), or {@code s3}, one bucket every
 * instance reaches ({@code s3:}).
 */
final class PhotoStorage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoStorage.class);
    static final String LOCAL = "local";
    static final String S3 = "s3";
    static final String SETTING = "photoStore / STOCKROOM_PHOTO_STORE";

    private final PhotoStore store;
    private final Optional<S3PhotoStore> s3;
    private final String description;

    private PhotoStorage(PhotoStore store, Optional<S3PhotoStore> s3, String description) {
        this.store = store;
        this.s3 = s3;
        this.description = description;
    }

    /** {@code photoStore}, checked: {@code local} or {@code s3}, any case. */
    static String kind(StockroomConfiguration config) {
        String kind = config.photoStore == null ? "" : config.photoStore.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals(LOCAL) && !kind.equals(S3)) {
            throw new IllegalArgumentException(SETTING + " must be local or s3, not '" + config.photoStore + "'");
        }
        return kind;
    }

    /**
     * Refuses settings that cannot work, naming the setting, without contacting anything.
     *
     * @throws IllegalArgumentException naming the setting
     */
    static void validate(StockroomConfiguration config) {
        if (kind(config).equals(S3)) {
            config.s3.toSettings();
        }
    }

    /** The configured store; nothing is contacted yet (see {@link #checkReachable()}). */
    static PhotoStorage open(StockroomConfiguration config, SecureRandom random) {
        if (kind(config).equals(S3)) {
            S3Settings settings = config.s3.toSettings();
            S3PhotoStore store = S3PhotoStore.create(settings, random);
            return new PhotoStorage(store, Optional.of(store), "S3 " + settings.describe());
        }
        return new PhotoStorage(
                new FilePhotoStore(DataDirectory.create(config.photosPath()), random),
                Optional.empty(),
                "files in " + config.photosPath());
    }

    /** What the start-up line says: where the photos are (never a credential). */
    static String describe(StockroomConfiguration config) {
        if (kind(config).equals(S3)) {
            return "S3 " + config.s3.toSettings().describe();
        }
        return "files in " + config.photosPath();
    }

    PhotoStore store() {
        return store;
    }

    /**
     * For {@code server}: the bucket must be there and usable with the credentials, or the start
     * stops with one line naming the settings to look at.
     */
    void checkReachable() {
        s3.ifPresent(bucket -> {
            try {
                bucket.checkBucket();
                LOG.info("Photos are kept in {}", description);
            } catch (StorageUnavailable e) {
                LOG.debug("The photo bucket is not usable", e);
                String settings = switch (S3PhotoStore.faultOf(e)) {
                    case CREDENTIALS ->
                        "s3.accessKeyId / STOCKROOM_S3_ACCESS_KEY_ID, s3.secretAccessKey / STOCKROOM_S3_SECRET_ACCESS_KEY";
                    case BUCKET -> "s3.bucket / STOCKROOM_S3_BUCKET";
                    case ENDPOINT -> "s3.endpoint / STOCKROOM_S3_ENDPOINT";
                };
                throw new SettingProblem(
                        settings + ": cannot use the " + description + " (" + S3PhotoStore.reason(e) + ")", e);
            }
        });
    }

    /** For the admin port, with the S3 store: unhealthy while the bucket cannot be used. */
    Optional<HealthCheck> healthCheck() {
        return s3.map(bucket -> new HealthCheck() {
            @Override
            protected Result check() {
                try {
                    bucket.checkBucket();
                    return Result.healthy(description);
                } catch (StorageUnavailable e) {
                    return Result.unhealthy("Cannot use the " + description + ": " + S3PhotoStore.reason(e));
                }
            }
        });
    }

    @Override
    public void close() {
        s3.ifPresent(S3PhotoStore::close);
    }
}
