package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.registration;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import dev.stockroom.core.contract.Race;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Password hashing on a pool of one thread with room for one waiting hash: a burst of
 * registrations beyond that is answered 503 with Retry-After at once, never a 500, and the
 * service serves the next request as usual.
 */
class HashingCapacityTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2().with(config -> {
        // The slower of the two hashers, so that the burst surely arrives while the first hashes run.
        config.passwordHashing.implementation = "java";
        config.passwordHashing.threads = 1;
        config.passwordHashing.maxWaiting = 1;
    });

    @Test
    void a_burst_beyond_the_hashing_queue_is_answered_503_with_retry_after_and_nothing_else_breaks() throws Exception {
        List<Reply> replies = Race.run(24, () -> STOCKROOM.http.post("/users/register/", registration(unique())));

        assertThat(replies)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 503));
        List<Reply> refused = replies.stream().filter(r -> r.status() == 503).toList();
        assertThat(refused).isNotEmpty().allSatisfy(r -> {
            assertThat(r.header("Retry-After")).isEqualTo("1");
            assertThat(r.body().get("status").asBoolean()).isFalse();
            assertThat(r.text("message")).isNotBlank();
        });
        // At least the first; how many more depends on how the burst spreads over the first hash.
        assertThat(replies).filteredOn(r -> r.status() == 201).isNotEmpty();

        Reply after = STOCKROOM.http.post("/users/register/", registration(unique()));
        assertThat(after.status()).as(after.toString()).isEqualTo(201);
    }
}
