package dev.stockroom.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin port's {@code /metrics} after a few real requests: endpoint timers, hash timers, outbox gauges. */
class MetricsTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

    private static final String REGISTRATION = "dev.stockroom.adapters.rest.account.RegistrationResource";
    private static final String AUTHENTICATION = "dev.stockroom.adapters.rest.account.AuthenticationResource";

    @Test
    void metrics_hold_endpoint_timers_password_hash_timers_and_outbox_gauges() throws Exception {
        String username = AccountFlowsTest.unique();
        Reply registered = STOCKROOM.http.post("/users/register/", AccountFlowsTest.registration(username));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Reply wrong = STOCKROOM.http.post(
                "/users/login/", java.util.Map.of("username", username, "password", "not the password at all"));
        assertThat(wrong.status()).isEqualTo(401);

        JsonNode metrics = metrics();
        JsonNode timers = metrics.get("timers");
        JsonNode gauges = metrics.get("gauges");

        assertThat(timers.fieldNames())
                .toIterable()
                .anySatisfy(name -> assertThat(name).startsWith(REGISTRATION + "."))
                .anySatisfy(name -> assertThat(name).startsWith(AUTHENTICATION + "."));
        assertThat(metrics.get("meters").fieldNames())
                .toIterable()
                .anySatisfy(
                        name -> assertThat(name).startsWith(REGISTRATION + ".").endsWith(".exceptions"));
        assertThat(timers.get("stockroom.passwords.hash").get("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(timers.get("stockroom.passwords.verify").get("count").asLong())
                .isGreaterThanOrEqualTo(1);
        // Registration enqueued the verification code: one mail waits or went out, none given up.
        assertThat(gauges.get("stockroom.mail.outbox.waiting").get("value").isIntegralNumber())
                .isTrue();
        assertThat(gauges.get("stockroom.mail.outbox.givenUp").get("value").asLong())
                .isZero();
        assertThat(gauges.get("stockroom.mail.outbox.oldestAgeSeconds")
                        .get("value")
                        .asLong())
                .isGreaterThanOrEqualTo(0);
    }

    private static JsonNode metrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + STOCKROOM.app.getAdminPort() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
