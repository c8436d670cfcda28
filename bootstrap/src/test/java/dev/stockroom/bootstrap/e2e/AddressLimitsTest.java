package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stockroom.bootstrap.StockroomConfiguration;
import dev.stockroom.bootstrap.ThrottlingSettings;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits per client address and per email address over real HTTP, with three instances of the
 * service on one database: {@link #proxied()} behind a trusted proxy (127.0.0.1, so each test
 * names its clients in {@code X-Forwarded-For}), {@link #direct()} trusting no proxy, and
 * {@link #unlimited()} with {@code STOCKROOM_ADDRESS_LIMITS=off}. Every limit is {@value #LIMIT}
 * an hour here; each test starts at the beginning of an hour of its own, so no test's counts reach
 * another's and no window ends in the middle of one. Subclasses choose the database.
 */
abstract class AddressLimitsTest {
    static final int LIMIT = 3;
    static final String PASSWORD = AccountFlowsTest.PASSWORD;
    private static final Pattern RATE_LIMIT = Pattern.compile("\"([a-z-]+)\";r=(\\d+);t=(\\d+)");
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** Behind its trusted proxy, 127.0.0.1: the client is what X-Forwarded-For says. */
    abstract RunningStockroom proxied();

    /** A second instance on the same database, trusting no proxy: the client is always 127.0.0.1. */
    abstract RunningStockroom direct();

    /** A third instance on the same database, with STOCKROOM_ADDRESS_LIMITS=off. */
    abstract RunningStockroom unlimited();

    /** Every limit at {@value #LIMIT} an hour (the mail cap at its default, five), behind 127.0.0.1. */
    static void behindTheLoopbackProxy(StockroomConfiguration config) {
        withoutProxy(config);
        config.throttling.trustedProxies = List.of("127.0.0.1/32");
    }

    static void withoutProxy(StockroomConfiguration config) {
        config.throttling.perAddress = true;
        ThrottlingSettings.PerAddressLimits limits = config.throttling.addressLimits;
        for (ThrottlingSettings.Limit limit : List.of(
                limits.loginFailures,
                limits.registrations,
                limits.passwordForget,
                limits.resendCode,
                limits.verify,
                limits.passwordForgetVerify,
                limits.tokenRefresh)) {
            limit.limit = LIMIT;
            limit.window = io.dropwizard.util.Duration.hours(1);
        }
    }

    @BeforeEach
    void startAtTheBeginningOfAnHourOfItsOwn() {
        ShiftableClock clock = proxied().clock;
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)))
                .plusSeconds(1));
    }

    /** A client address no other request of this JVM has used. */
    static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String email(String username) {
        return username + "@example.com";
    }

    /** A POST, from {@code client} as the proxy says (none: from the proxy itself). */
    static Reply post(RunningStockroom instance, String client, String path, Object body, String token) {
        if (client == null) {
            return instance.http.post(path, body, token);
        }
        return instance.http.sendWith(
                path, "POST", "application/json", HttpApi.json(body), token, "X-Forwarded-For", client);
    }

    Reply post(String client, String path, Object body) {
        return post(proxied(), client, path, body, null);
    }

    /** Registers from a client of its own and returns the NEW user's access token. */
    String register(String username) {
        Reply reply = post(newClient(), "/users/register/", AccountFlowsTest.registration(username));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.text("access_token");
    }

    /** Registers and verifies from clients of their own; the verify reply carries a refresh token. */
    Reply registerVerified(String username) {
        String token = register(username);
        Reply verified = post(
                proxied(), newClient(), "/users/verify/", map("code", proxied().code(email(username), 1)), token);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified;
    }

    /**
     * The first {@value #LIMIT} requests are answered (whatever the answer) with what is left of the
     * limit; the next gets 429 in the envelope with Retry-After and the RateLimit headers.
     */
    static Reply assertLimited(String policy, Supplier<Reply> request) {
        for (int i = 1; i <= LIMIT; i++) {
            Reply reply = request.get();
            assertThat(reply.header("RateLimit-Policy"))
                    .as(reply.toString())
                    .isEqualTo("\"" + policy + "\";q=" + LIMIT + ";w=3600");
            assertThat(reply.header("RateLimit"))
                    .as(reply.toString())
                    .startsWith("\"" + policy + "\";r=" + (LIMIT - i) + ";t=");
        }
        return assertRefused(policy, request.get());
    }

    static Reply assertRefused(String policy, Reply reply) {
        AccountFlowsTest.assertError(reply, 429);
        assertThat(reply.text("message")).isEqualTo("Too many requests from your address; try again later.");
        assertThat(reply.header("RateLimit-Policy")).isEqualTo("\"" + policy + "\";q=" + LIMIT + ";w=3600");
        Matcher rateLimit = RATE_LIMIT.matcher(reply.header("RateLimit"));
        assertThat(rateLimit.matches()).as(reply.header("RateLimit")).isTrue();
        assertThat(rateLimit.group(1)).isEqualTo(policy);
        assertThat(rateLimit.group(2)).isEqualTo("0");
        // The rest of the hour, rounded up, and the same in both headers.
        assertThat(Integer.parseInt(reply.header("Retry-After"))).isBetween(1, 3600);
        assertThat(rateLimit.group(3)).isEqualTo(reply.header("Retry-After"));
        return reply;
    }

    @Test
    void registrations_from_one_address_are_limited_until_the_window_ends() {
        String client = newClient();

        Reply refused = assertLimited(
                "register", () -> post(client, "/users/register/", AccountFlowsTest.registration(unique())));

        proxied().clock.advance(Duration.ofSeconds(Integer.parseInt(refused.header("Retry-After")) - 30));
        assertRefused("register", post(client, "/users/register/", AccountFlowsTest.registration(unique())));
        proxied().clock.advance(Duration.ofSeconds(30));
        Reply next = post(client, "/users/register/", AccountFlowsTest.registration(unique()));
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.header("RateLimit")).startsWith("\"register\";r=" + (LIMIT - 1) + ";");
    }

    @Test
    void failed_logins_from_one_address_are_limited_and_then_even_the_right_password_is_refused() {
        String username = unique();
        registerVerified(username);
        String client = newClient();
        for (int i = 0; i < LIMIT + 2; i++) {
            Reply right = post(client, "/users/login/", map("username", username, "password", PASSWORD));
            assertThat(right.status()).isEqualTo(200);
            assertThat(right.header("RateLimit")).startsWith("\"login\";r=" + LIMIT + ";");
        }

        assertLimited("login", () -> post(client, "/users/login/", map("username", unique(), "password", PASSWORD)));
        assertRefused("login", post(client, "/users/login/", map("username", username, "password", PASSWORD)));
        assertThat(post(newClient(), "/users/login/", map("username", username, "password", PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void forgotten_password_requests_from_one_address_are_limited() {
        String client = newClient();

        assertLimited("forget", () -> post(client, "/users/password/forget/", map("email", email(unique()))));
    }

    @Test
    void code_resends_from_one_address_are_limited() {
        String token = register(unique());
        String client = newClient();

        // Inside the resend cooldown (a 429 of its own), and after it: every request counts.
        assertLimited("resend", () -> {
            proxied().clock.advance(Duration.ofSeconds(31));
            return post(proxied(), client, "/users/resend/code/", null, token);
        });
    }

    @Test
    void verifications_from_one_address_are_limited() {
        String token = register(unique());
        String client = newClient();

        assertLimited("verify", () -> post(proxied(), client, "/users/verify/", map("code", "000000"), token));
    }

    @Test
    void reset_code_checks_from_one_address_are_limited() {
        String username = unique();
        registerVerified(username);
        String client = newClient();

        assertLimited(
                "forget-verify",
                () -> post(client, "/users/password/forget/verify/", map("email", email(username), "code", "000000")));
    }

    @Test
    void token_refreshes_from_one_address_are_limited() {
        String[] refreshToken = {registerVerified(unique()).text("refresh_token")};
        String client = newClient();

        assertLimited("refresh", () -> {
            Reply reply = post(client, "/users/token/refresh/", map("refresh_token", refreshToken[0]));
            if (reply.status() != 429) {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                refreshToken[0] = reply.text("refresh_token");
            }
            return reply;
        });
    }

    @Test
    void the_limits_hold_across_two_instances_on_one_database() {
        // No X-Forwarded-For: to both instances the client is 127.0.0.1.
        assertThat(post(proxied(), null, "/users/register/", AccountFlowsTest.registration(unique()), null)
                        .status())
                .isEqualTo(201);
        assertThat(post(direct(), null, "/users/register/", AccountFlowsTest.registration(unique()), null)
                        .status())
                .isEqualTo(201);
        Reply third = post(proxied(), null, "/users/register/", AccountFlowsTest.registration(unique()), null);
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.header("RateLimit")).startsWith("\"register\";r=0;");

        assertRefused(
                "register", post(direct(), null, "/users/register/", AccountFlowsTest.registration(unique()), null));
        assertRefused(
                "register", post(proxied(), null, "/users/register/", AccountFlowsTest.registration(unique()), null));
    }

    @Test
    void x_forwarded_for_from_an_untrusted_peer_is_ignored() {
        assertLimited(
                "forget",
                () -> post(direct(), newClient(), "/users/password/forget/", map("email", email(unique())), null));
    }

    @Test
    void behind_the_trusted_proxy_each_forwarded_client_has_a_budget_of_its_own() {
        String client = newClient();
        // Whatever a client writes on the left, the proxy's entry on the right is what counts.
        assertLimited(
                "forget",
                () -> post(
                        client.replace("198.51", "203.0") + ", " + client,
                        "/users/password/forget/",
                        map("email", email(unique()))));
        assertRefused(
                "forget", post(newClient() + ", " + client, "/users/password/forget/", map("email", email(unique()))));

        Reply otherClient = post(newClient(), "/users/password/forget/", map("email", email(unique())));
        Reply theProxyItself = post(null, "/users/password/forget/", map("email", email(unique())));

        assertThat(otherClient.status()).isEqualTo(200);
        assertThat(otherClient.header("RateLimit")).startsWith("\"forget\";r=" + (LIMIT - 1) + ";");
        assertThat(theProxyItself.status()).isEqualTo(200);
        assertThat(theProxyItself.header("RateLimit")).startsWith("\"forget\";r=" + (LIMIT - 1) + ";");
    }

    @Test
    void a_malformed_x_forwarded_for_counts_against_the_peer() {
        List<String> malformed = new ArrayList<>(List.of(
                "unknown", "client.example.com", newClient() + ", proxy.internal", "198.51.100.1,,198.51.100.2"));

        assertLimited(
                "forget", () -> post(malformed.remove(0), "/users/password/forget/", map("email", email(unique()))));
        assertThat(post(null, "/users/password/forget/", map("email", email(unique())))
                        .status())
                .isEqualTo(429);
        assertThat(post(newClient(), "/users/password/forget/", map("email", email(unique())))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_sixth_reset_mail_to_one_address_within_an_hour_is_not_sent_and_the_answer_is_the_same() {
        String username = unique();
        registerVerified(username);
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            awaitEveryMailSent();
            proxied().clock.advance(Duration.ofSeconds(61)); // past the resend cooldown of the reset code
            replies.add(post(newClient(), "/users/password/forget/", map("email", email(username))));
        }

        for (Reply reply : replies) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(new String(reply.bytes(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(replies.get(0).bytes(), StandardCharsets.UTF_8));
            assertThat(reply.header("RateLimit")).startsWith("\"forget\";r=" + (LIMIT - 1) + ";");
        }
        awaitEveryMailSent();
        // The verification code, then five reset codes.
        assertThat(proxied().mailCount(email(username))).isEqualTo(6);
        Reply reset = post(
                newClient(),
                "/users/password/forget/verify/",
                map("email", email(username), "code", proxied().code(email(username), 6)));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    }

    @Test
    void with_the_limits_off_nothing_is_refused_and_no_mail_is_capped() {
        for (int i = 0; i < LIMIT + 2; i++) {
            Reply registered =
                    post(unlimited(), null, "/users/register/", AccountFlowsTest.registration(unique()), null);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            assertThat(registered.header("RateLimit")).isNull();
        }
        String username = unique();
        Reply token = post(unlimited(), null, "/users/register/", AccountFlowsTest.registration(username), null);
        assertThat(post(
                                unlimited(),
                                null,
                                "/users/verify/",
                                map("code", unlimited().code(email(username), 1)),
                                token.text("access_token"))
                        .status())
                .isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            awaitEveryMailSent();
            unlimited().clock.advance(Duration.ofSeconds(61));
            assertThat(post(unlimited(), null, "/users/password/forget/", map("email", email(username)), null)
                            .status())
                    .isEqualTo(200);
        }

        awaitEveryMailSent();
        assertThat(unlimited().mailCount(email(username))).isEqualTo(7);
    }

    /**
     * Until the outbox (shared by every instance) has nothing waiting: what was queued has been sent.
     * Called before the clock jumps, too: a jump past the lease of a message that one instance is
     * sending would let another instance send it again.
     */
    private void awaitEveryMailSent() {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> proxied()
                        .app
                        .getEnvironment()
                        .healthChecks()
                        .runHealthCheck("mail")
                        .getMessage()
                        .startsWith("0 waiting"));
    }

    static Map<String, String> limitsOff() {
        return Map.of("STOCKROOM_ADDRESS_LIMITS", "off");
    }
}
