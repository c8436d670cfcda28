package dev.stockroom.adapters.storage.s3.testing;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.stockroom.adapters.storage.s3.S3Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the tests: Adobe's S3Mock (a Spring Boot application) run in this
 * JVM on a free loopback port over plain HTTP, its objects in a temporary directory, started on
 * first use and stopped when the JVM ends. Each test takes a bucket of its own with
 * {@link #newBucket()}, so tests never see each other's photos.
 */
public final class TestS3 {
    public static final String REGION = "us-east-1";
    /** S3Mock accepts any credentials; these stand for a real pair in the settings. */
    public static final String ACCESS_KEY_ID = "test-key-id";

    public static final String SECRET_ACCESS_KEY = "test-secret-never-logged";

    private static TestS3 shared;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final S3MockApplication server;
    private final URI endpoint;
    private final S3Client admin;

    private TestS3(S3MockApplication server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.admin = S3Client.builder()
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .endpointOverride(endpoint)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The JVM's server, started on first use. */
    public static synchronized TestS3 shared() {
        if (shared == null) {
            shared = start();
            TestS3 started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "s3mock-stop"));
        }
        return shared;
    }

    private static TestS3 start() {
        // Spring Boot would take over Logback (and reset the service's logging in the same JVM), and print a banner.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        int httpPort = freePort();
        Path root;
        try {
            root = Files.createTempDirectory("stockroom-s3mock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // S3Mock removes the entries it reads: a map it may change.
        S3MockApplication server = S3MockApplication.start(new HashMap<>(Map.<String, Object>of(
                S3MockApplication.PROP_HTTP_PORT,
                httpPort,
                // The HTTPS port too, on a free port of the loopback interface only.
                S3MockApplication.PROP_HTTPS_PORT,
                S3MockApplication.RANDOM_PORT,
                "server.address",
                "127.0.0.1",
                S3MockApplication.PROP_ROOT_DIRECTORY,
                root.toString(),
                S3MockApplication.PROP_SILENT,
                true,
                "spring.main.banner-mode",
                "off",
                // S3Mock's own HTTP connector has no address, so it would listen on every interface.
                "spring.main.sources",
                LoopbackOnly.class.getName())));
        return new TestS3(server, URI.create("http://127.0.0.1:" + httpPort));
    }

    /** The server's plain-HTTP address. */
    public URI endpoint() {
        return endpoint;
    }

    /** A new, empty bucket. */
    public String newBucket() {
        String bucket = "stockroom-test-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        admin.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /** Settings for {@code bucket} on this server, with path-style access and a key prefix. */
    public S3Settings settings(String bucket, String keyPrefix) {
        return S3Settings.of(
                Optional.of(endpoint),
                REGION,
                bucket,
                keyPrefix,
                true,
                Optional.of(new S3Settings.Credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY)));
    }

    /** The keys of the objects in {@code bucket}, as the server lists them. */
    public java.util.List<String> keys(String bucket) {
        return admin.listObjectsV2(request -> request.bucket(bucket)).contents().stream()
                .map(software.amazon.awssdk.services.s3.model.S3Object::key)
                .toList();
    }

    /** A client of the server's own, for what a test does behind the store's back. */
    public S3Client client() {
        return admin;
    }

    private void stop() {
        admin.close();
        server.stop();
    }

    /** Added to S3Mock's Spring context: its extra (plain HTTP) connector listens on loopback only. */
    public static final class LoopbackOnly implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.getAdditionalTomcatConnectors().forEach(connector -> connector.setProperty("address", "127.0.0.1"));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
