package dev.stockroom.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.util.Duration;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A graceful stop, as SIGTERM starts it (Jetty's shutdown hook calls {@code Server.stop()}):
 * the health check reports "draining" first while requests are still answered, then the ports
 * close and a request in flight still completes.
 */
class DrainingTest {
    private static final CountDownLatch ENTERED = new CountDownLatch(1);

    @Path("/test/slow")
    public static class SlowResource {
        @GET
        @Produces("text/plain")
        public String slow() throws InterruptedException {
            ENTERED.countDown();
            Thread.sleep(2_500);
            return "finished";
        }
    }

    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2()
            .with(config -> config.drainDelay = Duration.milliseconds(1_200))
            .withResource(new SlowResource());

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void health_turns_draining_first_then_the_request_in_flight_finishes() throws Exception {
        int port = STOCKROOM.app.getLocalPort();
        int admin = STOCKROOM.app.getAdminPort();
        assertThat(get(admin, "/healthcheck").statusCode()).isEqualTo(200);

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ENTERED.await(10, TimeUnit.SECONDS)).isTrue();

        long stopAt = System.nanoTime();
        Thread stopper = new Thread(
                () -> {
                    try {
                        STOCKROOM.jetty.stop();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "sigterm");
        stopper.start();

        HttpResponse<String> health = get(admin, "/healthcheck");
        for (int i = 0; i < 50 && health.statusCode() == 200; i++) {
            Thread.sleep(20);
            health = get(admin, "/healthcheck");
        }
        assertThat(health.statusCode()).isEqualTo(500);
        assertThat(health.body()).contains("draining");
        // Still serving while the load balancer takes notice.
        assertThat(get(port, "/products/").statusCode()).isEqualTo(200);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt)).isLessThan(1_200);

        HttpResponse<String> slow = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.body()).isEqualTo("finished");
        stopper.join(30_000);
        assertThat(stopper.isAlive()).isFalse();
        assertThat(STOCKROOM.jetty.isStopped()).isTrue();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(java.time.Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
