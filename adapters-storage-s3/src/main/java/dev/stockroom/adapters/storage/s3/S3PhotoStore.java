package dev.stockroom.adapters.storage.s3;

import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.shared.StorageUnavailable;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Photos as objects in one bucket of an S3-compatible service, each under the key prefix and its
 * {@link PhotoKey}, so that every instance of the service configured with the same bucket serves
 * every photo. An object appears whole or not at all (S3 writes are atomic), so a reader never sees
 * half a photo. Anything the SDK throws (no connection, a timeout, access denied, a missing bucket,
 * a server error) is {@link StorageUnavailable}; only a 404 for the object itself is "no photo".
 */
public final class S3PhotoStore implements PhotoStore, AutoCloseable {
    private static final int NOT_FOUND = 404;

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final SecureRandom random;

    /** Uses {@code client} (closed by {@link #close()}) and the bucket and prefix of {@code settings}. */
    S3PhotoStore(S3Client client, S3Settings settings, SecureRandom random) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = settings.bucket();
        this.prefix = settings.keyPrefix();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A store with its own client on the JDK's HTTP client; nothing is contacted until first used. */
    public static S3PhotoStore create(S3Settings settings, SecureRandom random) {
        return new S3PhotoStore(client(settings), settings, random);
    }

    static S3Client client(S3Settings settings) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyleAccess())
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.socketTimeout()))
                .overrideConfiguration(override -> override.apiCallTimeout(settings.callTimeout()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        return settings.credentials()
                .<AwsCredentialsProvider>map(key -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    // Keys carry 128 random bits, so a new key never names an existing object and the PUT (which
    // would replace one) is safe.
    @Override
    public PhotoKey store(byte[] content, PhotoType type) {
        Objects.requireNonNull(content, "content");
        PhotoKey key = PhotoKey.random(random, type);
        try {
            // fromBytes copies the array: a change by the caller after this returns changes nothing stored.
            client.putObject(
                    PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(objectKey(key))
                            .contentType(type.mediaType())
                            .contentLength((long) content.length)
                            .build(),
                    RequestBody.fromBytes(content));
            return key;
        } catch (SdkException e) {
            throw new StorageUnavailable("Could not store a photo in " + where(), e);
        }
    }

    @Override
    public Optional<StoredPhoto> open(PhotoKey key) {
        String objectKey = objectKey(key);
        HeadObjectResponse head;
        try {
            head = client.headObject(
                    HeadObjectRequest.builder().bucket(bucket).key(objectKey).build());
        } catch (SdkException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw new StorageUnavailable("Could not open a photo in " + where(), e);
        }
        long size = head.contentLength() == null ? 0 : head.contentLength();
        return Optional.of(new StoredPhoto(key.type(), size, () -> read(objectKey)));
    }

    @Override
    public void delete(PhotoKey key) {
        try {
            // S3 answers a delete of a missing object with success too; a 404 is a missing bucket.
            client.deleteObject(DeleteObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(key))
                    .build());
        } catch (SdkException e) {
            throw new StorageUnavailable("Could not delete a photo in " + where(), e);
        }
    }

    /**
     * Whether the bucket is there and these credentials may use it (S3's HEAD of the bucket), for a
     * start check and a health check.
     *
     * @throws StorageUnavailable with the SDK's exception as the cause when it is not
     */
    public void checkBucket() {
        try {
            client.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
        } catch (SdkException e) {
            throw new StorageUnavailable("Cannot use " + where() + ": " + reason(e), e);
        }
    }

    /** What kind of setting a failure points at, for a start error that names it. */
    public enum Fault {
        /** The credentials were refused (403). */
        CREDENTIALS,
        /** No such bucket (404), or it is elsewhere (a redirect to another region or host). */
        BUCKET,
        /** No answer: a wrong endpoint, a network or a timeout. */
        ENDPOINT
    }

    /** Which setting {@code e} (a {@link StorageUnavailable} of this store or its cause) points at. */
    public static Fault faultOf(Throwable e) {
        if (e instanceof StorageUnavailable && e.getCause() != null) {
            return faultOf(e.getCause());
        }
        if (e instanceof S3Exception s3) {
            return s3.statusCode() == 401 || s3.statusCode() == 403 ? Fault.CREDENTIALS : Fault.BUCKET;
        }
        return Fault.ENDPOINT;
    }

    /** What went wrong in a line: the status code and S3's error code, or the client's message. */
    public static String reason(Throwable e) {
        if (e instanceof StorageUnavailable && e.getCause() != null) {
            return reason(e.getCause());
        }
        if (e instanceof S3Exception s3) {
            String code =
                    s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            String status = "HTTP " + s3.statusCode();
            return switch (s3.statusCode()) {
                case 403 -> status + ", access denied: check the credentials";
                case 404 -> status + ", no such bucket";
                case 301, 307 -> status + ", the bucket is in another region or needs path-style access";
                default -> code == null ? status : status + ", " + code;
            };
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }

    private InputStream read(String objectKey) {
        try {
            return client.getObject(
                    GetObjectRequest.builder().bucket(bucket).key(objectKey).build());
        } catch (SdkException e) {
            // Even a 404: the photo was there when it was opened, and is gone before it is served.
            throw new StorageUnavailable("Could not read a photo from " + where(), e);
        }
    }

    private String objectKey(PhotoKey key) {
        return prefix + key.value();
    }

    private String where() {
        return "S3 bucket " + bucket;
    }

    private static boolean isNotFound(SdkException e) {
        return e instanceof NoSuchKeyException || (e instanceof S3Exception s3 && s3.statusCode() == NOT_FOUND);
    }

    @Override
    public void close() {
        client.close();
    }
}
