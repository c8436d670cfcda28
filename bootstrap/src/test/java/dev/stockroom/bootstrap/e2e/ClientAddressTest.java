package dev.stockroom.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.rest.http.ClientAddress;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client address as a resource of the service reads it ({@code ClientAddress.of}), over real
 * HTTP behind a trusted proxy (127.0.0.1, where the test's requests come from), with the limits off.
 */
class ClientAddressTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2()
            .with(config -> config.throttling.trustedProxies = List.of("127.0.0.1/32", "10.0.0.0/8"))
            .withResource(new WhoAmI());

    /** What a resource of the service (the audit trail, say) sees. */
    @Path("/test/who-am-i")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class WhoAmI {
        @GET
        public Map<String, String> get(@Context ContainerRequestContext request, @Context HttpServletRequest servlet) {
            return Map.of(
                    "request",
                    ClientAddress.of(request).value(),
                    "servlet",
                    ClientAddress.of(servlet).value(),
                    "limit_key",
                    ClientAddress.of(request).limitKey());
        }
    }

    private static Reply whoAmI(String... headers) {
        return STOCKROOM.http.sendWith("/test/who-am-i/", "GET", null, null, null, headers);
    }

    @Test
    void without_a_forwarded_for_the_client_is_the_peer() {
        Reply reply = whoAmI();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.text("request")).isEqualTo("127.0.0.1");
        assertThat(reply.text("servlet")).isEqualTo("127.0.0.1");
    }

    @Test
    void behind_trusted_proxies_the_client_is_the_right_most_untrusted_entry_from_either_api() {
        Reply reply = whoAmI("X-Forwarded-For", "192.0.2.66, 2001:DB8:0:0:1::7, 10.1.1.1");

        assertThat(reply.text("request")).isEqualTo("2001:db8::1:0:0:7");
        assertThat(reply.text("servlet")).isEqualTo("2001:db8::1:0:0:7");
        assertThat(reply.text("limit_key")).isEqualTo("2001:db8::/64");
    }

    @Test
    void a_malformed_forwarded_for_leaves_the_peer() {
        assertThat(whoAmI("X-Forwarded-For", "192.0.2.66, localhost").text("request"))
                .isEqualTo("127.0.0.1");
        assertThat(whoAmI("X-Forwarded-For", "192.0.2.66", "X-Forwarded-For", "nonsense")
                        .text("request"))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void several_forwarded_for_fields_are_one_list() {
        assertThat(whoAmI("X-Forwarded-For", "192.0.2.66", "X-Forwarded-For", "198.51.100.4, 10.0.0.1")
                        .text("request"))
                .isEqualTo("198.51.100.4");
    }
}
