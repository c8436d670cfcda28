package dev.stockroom.adapters.rest.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.rest.StockroomApi;
import dev.stockroom.adapters.rest.http.ClientAddress;
import dev.stockroom.adapters.rest.http.TrustedProxies;
import dev.stockroom.adapters.rest.security.AccessTokens;
import dev.stockroom.adapters.rest.security.TokenSettings;
import dev.stockroom.core.Stockroom;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.testing.InMemoryAdapters;
import dev.stockroom.core.testing.MutableClock;
import dev.stockroom.core.throttling.domain.RatePolicy;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits per client address over Jersey, on in-memory adapters and a clock the test moves.
 * The test container has no socket, so every request comes from the one unknown address: each
 * test starts in a window of its own.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AddressLimitsApiTest {
    private static final String PASSWORD = "velvet harbor quietly 1987";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-03-01T09:20:00Z"));
    private static final InMemoryAdapters ADAPTERS = new InMemoryAdapters();
    private static final Stockroom STOCKROOM = ADAPTERS.stockroom().clock(CLOCK).build();
    private static final int LIMIT = 2;

    static final ResourceExtension API = api();

    private static ResourceExtension api() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<AddressLimit, RatePolicy> policies = new EnumMap<>(AddressLimit.class);
        for (AddressLimit limit : AddressLimit.values()) {
            policies.put(limit, limit.policy(LIMIT, Duration.ofHours(1)));
        }
        List<Object> components = new ArrayList<>();
        StockroomApi.register(
                components::add,
                new StockroomApi(
                        STOCKROOM.registration(),
                        STOCKROOM.authentication(),
                        STOCKROOM.passwordRecovery(),
                        STOCKROOM.profiles(),
                        STOCKROOM.administration(),
                        STOCKROOM.emailChanges(),
                        STOCKROOM.accountDeletion(),
                        STOCKROOM.personalData(),
                        STOCKROOM.catalog(),
                        STOCKROOM.productImages(),
                        CatalogPolicy.defaults(),
                        new AccessTokens(new TokenSettings(key, "stockroom", "stockroom-api"), CLOCK),
                        CLOCK,
                        TrustedProxies.none(),
                        Optional.of(new AddressLimits(STOCKROOM.rateLimiter(), policies))));
        ResourceExtension.Builder builder = ResourceExtension.builder().setRegisterDefaultExceptionMappers(false);
        components.forEach(builder::addResource);
        return builder.build();
    }

    @BeforeEach
    void twentyMinutesIntoAWindowOfItsOwn() {
        Instant nextHour =
                CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1));
        CLOCK.set(nextHour.plus(Duration.ofMinutes(20)));
    }

    private static Response post(String path, Object body) {
        return API.target(path).request(MediaType.APPLICATION_JSON_TYPE).post(Entity.json(body));
    }

    private static Map<String, Object> registration(String username) {
        return Map.of(
                "first_name",
                "Ada",
                "last_name",
                "Lovelace",
                "username",
                username,
                "email",
                username + "@example.com",
                "password",
                PASSWORD,
                "confirm_password",
                PASSWORD);
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void every_limited_endpoint_announces_its_policy_and_what_is_left_on_every_answer() {
        for (AddressLimit limit : AddressLimit.values()) {
            String name = limit.policyName();
            int left = LIMIT;
            for (String path : List.of(limit.path() + "/", limit.path())) {
                Response response = post(path, Map.of());
                // Every request counts, but a login only when it fails: this one is a 400, no failed login.
                left -= limit.countsFailuresOnly() ? 0 : 1;

                assertThat(response.getStatus()).as(path).isBetween(400, 401);
                assertThat(response.getHeaderString("RateLimit-Policy"))
                        .as(path)
                        .isEqualTo("\"" + name + "\";q=" + LIMIT + ";w=3600");
                assertThat(response.getHeaderString("RateLimit"))
                        .as(path)
                        .isEqualTo("\"" + name + "\";r=" + left + ";t=2400");
            }
        }
    }

    @Test
    void beyond_its_limit_an_endpoint_answers_429_in_the_envelope_until_the_window_ends() {
        assertThat(post("/users/register/", registration(unique())).getStatus()).isEqualTo(201);
        assertThat(post("/users/register/", registration(unique())).getHeaderString("RateLimit"))
                .isEqualTo("\"register\";r=0;t=2400");

        Response refused = post("/users/register/", registration(unique()));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeaderString("Retry-After")).isEqualTo("2400");
        assertThat(refused.getHeaderString("RateLimit-Policy")).isEqualTo("\"register\";q=2;w=3600");
        assertThat(refused.getHeaderString("RateLimit")).isEqualTo("\"register\";r=0;t=2400");
        assertThat(refused.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        assertThat(refused.getHeaderString("X-Request-Id")).isNotBlank();
        assertThat(body(refused))
                .isEqualTo(Map.of(
                        "status",
                        false,
                        "message",
                        AddressLimitFilter.MESSAGE,
                        "request_id",
                        refused.getHeaderString("X-Request-Id")));

        CLOCK.advance(Duration.ofMinutes(40).minusSeconds(1));
        assertThat(post("/users/register/", registration(unique())).getHeaderString("Retry-After"))
                .isEqualTo("1");
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(post("/users/register/", registration(unique())).getStatus()).isEqualTo(201);
    }

    @Test
    void only_failed_logins_count_and_a_full_address_is_refused_even_the_right_password() {
        String username = unique();
        assertThat(post("/users/register/", registration(username)).getStatus()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            Response right = post("/users/login/", Map.of("username", username, "password", PASSWORD));
            assertThat(right.getStatus()).isEqualTo(200);
            assertThat(right.getHeaderString("RateLimit")).startsWith("\"login\";r=2;");
        }
        assertThat(post("/users/login/", Map.of("username", username)).getHeaderString("RateLimit"))
                .startsWith("\"login\";r=2;");

        Response first = post("/users/login/", Map.of("username", username, "password", "wrong " + PASSWORD));
        Response second = post("/users/login/", Map.of("username", unique(), "password", PASSWORD));
        Response refused = post("/users/login/", Map.of("username", username, "password", PASSWORD));

        assertThat(first.getStatus()).isEqualTo(401);
        assertThat(first.getHeaderString("RateLimit")).startsWith("\"login\";r=1;");
        assertThat(second.getStatus()).isEqualTo(401);
        assertThat(second.getHeaderString("RateLimit")).startsWith("\"login\";r=0;");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeaderString("Retry-After")).isEqualTo("2400");
        assertThat(body(refused)).containsEntry("status", false);
    }

    @Test
    void endpoints_without_a_limit_carry_no_rate_limit_headers() {
        Response products = API.target("/products/").request().get();

        assertThat(products.getStatus()).isEqualTo(200);
        assertThat(products.getHeaderString("RateLimit")).isNull();
        assertThat(products.getHeaderString("RateLimit-Policy")).isNull();
    }

    @Test
    void without_a_socket_the_client_is_the_unknown_address_and_still_counted() {
        post("/users/password/forget/", Map.of("email", "nobody@example.com"));
        post("/users/password/forget/", Map.of("email", "nobody.else@example.com"));

        assertThat(post("/users/password/forget/", Map.of("email", "someone@example.com"))
                        .getStatus())
                .isEqualTo(429);
        assertThat(STOCKROOM
                        .rateLimiter()
                        .peek(AddressLimit.PASSWORD_FORGET.policy(LIMIT, Duration.ofHours(1)), ClientAddress.UNKNOWN)
                        .hits())
                .isEqualTo(3);
    }

    @Test
    void the_defaults_are_the_designs_and_every_endpoint_has_a_policy_of_its_own() {
        AddressLimits defaults = AddressLimits.defaults(STOCKROOM.rateLimiter());

        assertThat(defaults.policy(AddressLimit.LOGIN_FAILURES))
                .isEqualTo(new RatePolicy("login", 100, Duration.ofHours(1)));
        assertThat(defaults.policy(AddressLimit.REGISTRATION))
                .isEqualTo(new RatePolicy("register", 20, Duration.ofHours(1)));
        assertThat(defaults.policies().values().stream().map(RatePolicy::name).distinct())
                .hasSize(AddressLimit.values().length);
    }

    private static Map<String, Object> body(Response response) {
        return response.readEntity(new GenericType<Map<String, Object>>() {});
    }
}
