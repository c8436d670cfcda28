package dev.stockroom.bootstrap.e2e;

import dev.stockroom.adapters.storage.s3.testing.TestS3;
import dev.stockroom.bootstrap.StockroomConfiguration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The settings that put a {@link RunningStockroom}'s photos into a bucket of the test JVM's S3Mock
 * ({@link TestS3}), as an operator's {@code photoStore: s3} would: the bucket is made when the
 * service is configured, and shared by every instance given the same {@code PhotosOnS3}.
 */
final class PhotosOnS3 implements Consumer<StockroomConfiguration> {
    static final String PREFIX = "shop/photos/";

    private String bucket;

    /** A bucket of its own, made on first use. */
    static PhotosOnS3 newBucket() {
        return new PhotosOnS3();
    }

    @Override
    public synchronized void accept(StockroomConfiguration config) {
        TestS3 s3 = TestS3.shared();
        if (bucket == null) {
            bucket = s3.newBucket();
        }
        config.photoStore = "s3";
        config.s3.endpoint = s3.endpoint().toString();
        config.s3.region = TestS3.REGION;
        config.s3.bucket = bucket;
        config.s3.keyPrefix = PREFIX;
        config.s3.pathStyleAccess = true;
        config.s3.accessKeyId = TestS3.ACCESS_KEY_ID;
        config.s3.secretAccessKey = TestS3.SECRET_ACCESS_KEY;
    }

    synchronized String bucket() {
        if (bucket == null) {
            throw new IllegalStateException("No service was configured with this bucket yet");
        }
        return bucket;
    }

    /** The keys of the objects in the bucket. */
    List<String> keys() {
        return TestS3.shared().keys(bucket());
    }
}
