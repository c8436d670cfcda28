package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.PASSWORD;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertFieldError;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.email;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.registration;
import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.unique;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import dev.stockroom.core.account.domain.Totp;
import dev.stockroom.core.account.domain.TotpSecret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Two-factor sign-in over real HTTP: enrolment, the two-step login, single-use codes and recovery
 * codes, the mfa_token's expiry and tries, throttling and disabling. Codes are computed from the
 * secret that set-up answered, at the service's (shiftable) time. Subclasses choose the database.
 */
abstract class TwoFactorFlowsTest {
    abstract RunningStockroom stockroom();

    HttpApi http() {
        return stockroom().http;
    }

    /** A verified user with TOTP on: its name, secret, a login's access token and the recovery codes. */
    record Enrolled(String username, TotpSecret secret, String accessToken, List<String> recoveryCodes) {}

    private String registerVerified(String username) {
        Reply registered = http().post("/users/register/", registration(username));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Reply verified = http().post(
                        "/users/verify/",
                        map("code", stockroom().code(email(username), 1)),
                        registered.text("access_token"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.text("access_token");
    }

    private Enrolled enrolled() {
        String username = unique();
        String token = registerVerified(username);
        Reply setUp = http().post("/users/mfa/totp/setup/", map("password", PASSWORD), token);
        assertThat(setUp.status()).as(setUp.toString()).isEqualTo(200);
        TotpSecret secret = new TotpSecret(setUp.text("secret"));
        Reply confirmed = http().post("/users/mfa/totp/confirm/", map("code", codeNow(secret)), token);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.body().get("recovery_codes").forEach(node -> codes.add(node.asText()));
        // The confirmation spent the current step: later codes come from later steps.
        nextStep();
        return new Enrolled(username, secret, token, codes);
    }

    private String codeNow(TotpSecret secret) {
        return Totp.code(secret, Totp.stepAt(stockroom().clock.instant()));
    }

    /** A code of no step near the service's time, even if it ticks into the next step meanwhile. */
    private String wrongCode(TotpSecret secret) {
        long now = Totp.stepAt(stockroom().clock.instant());
        List<String> near = LongStream.rangeClosed(now - 2, now + 2)
                .mapToObj(step -> Totp.code(secret, step))
                .toList();
        for (int i = 0; ; i++) {
            String candidate = String.format(Locale.ROOT, "%06d", i);
            if (!near.contains(candidate)) {
                return candidate;
            }
        }
    }

    private void nextStep() {
        stockroom().clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
    }

    private String mfaToken(String username) {
        Reply login = http().post("/users/login/", map("username", username, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.body().get("mfa_required").asBoolean()).isTrue();
        return login.text("mfa_token");
    }

    private Reply complete(String mfaToken, String field, String code) {
        return http().post("/users/login/mfa/", map("mfa_token", mfaToken, field, code));
    }

    @Test
    void enrolment_needs_the_password_and_a_first_code_and_answers_recovery_codes_once() {
        String username = unique();
        String token = registerVerified(username);

        assertFieldError(http().post("/users/mfa/totp/setup/", map("password", "not the password"), token), "password");
        assertFieldError(http().post("/users/mfa/totp/setup/", map(), token), "password");
        assertError(http().post("/users/mfa/totp/setup/", map("password", PASSWORD)), 401);
        assertError(http().post("/users/mfa/totp/confirm/", map("code", "123456"), token), 409);
        Reply first = http().post("/users/mfa/totp/setup/", map("password", PASSWORD), token);
        Reply second = http().post("/users/mfa/totp/setup/", map("password", PASSWORD), token);

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.text("secret")).matches("[A-Z2-7]{32}").isNotEqualTo(first.text("secret"));
        assertThat(second.text("otpauth_url"))
                .isEqualTo("otpauth://totp/Stockroom:" + username + "?secret=" + second.text("secret")
                        + "&issuer=Stockroom&algorithm=SHA1&digits=6&period=30");
        assertThat(second.header("Cache-Control")).isEqualTo("no-store");
        assertFieldError(
                http().post(
                                "/users/mfa/totp/confirm/",
                                map("code", codeNow(new TotpSecret(first.text("secret")))),
                                token),
                "code");
        assertFieldError(http().post("/users/mfa/totp/confirm/", map("code", "12ab56"), token), "code");
        Reply confirmed = http().post(
                        "/users/mfa/totp/confirm/", map("code", codeNow(new TotpSecret(second.text("secret")))), token);

        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.text("message")).isEqualTo("Two-factor sign-in enabled");
        JsonNode codes = confirmed.body().get("recovery_codes");
        HashSet<String> distinct = new HashSet<>();
        codes.forEach(code -> distinct.add(code.asText()));
        assertThat(distinct).hasSize(10);
        assertError(http().post("/users/mfa/totp/setup/", map("password", PASSWORD), token), 409);
        assertError(http().post("/users/mfa/totp/confirm/", map("code", "123456"), token), 409);
        assertThat(http().get("/users/me/", token).status()).as("sessions stay").isEqualTo(200);
    }

    @Test
    void a_login_answers_an_mfa_token_and_no_tokens_and_a_code_completes_it() {
        Enrolled ada = enrolled();

        Reply login = http().post("/users/login/", map("username", ada.username(), "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.body().get("status").asBoolean()).isTrue();
        assertThat(login.body().get("mfa_required").asBoolean()).isTrue();
        assertThat(login.body().get("expires_in").asLong()).isBetween(299L, 300L);
        assertThat(login.body().has("access_token")).isFalse();
        assertThat(login.body().has("refresh_token")).isFalse();
        String mfaToken = login.text("mfa_token");
        assertError(http().get("/users/me/", mfaToken), 401);
        assertError(http().post("/users/login/", map("username", ada.username(), "password", "wrong password!")), 401);

        assertFieldError(complete(mfaToken, "code", wrongCode(ada.secret())), "code");
        Reply done = complete(mfaToken, "code", codeNow(ada.secret()));

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.text("token_type")).isEqualTo("Bearer");
        assertThat(done.text("refresh_token")).isNotBlank();
        assertThat(done.text("device_token")).isNotBlank();
        assertThat(http().get("/users/me/", done.text("access_token")).status()).isEqualTo(200);
        Reply refreshed = http().post("/users/token/refresh/", map("refresh_token", done.text("refresh_token")));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        nextStep();
        assertError(complete(mfaToken, "code", codeNow(ada.secret())), 401);
    }

    @Test
    void a_code_is_accepted_once_even_inside_its_window() {
        Enrolled ada = enrolled();
        String code = codeNow(ada.secret());
        assertThat(complete(mfaToken(ada.username()), "code", code).status()).isEqualTo(200);

        String again = mfaToken(ada.username());
        assertFieldError(complete(again, "code", code), "code");

        nextStep();
        Reply next = complete(again, "code", codeNow(ada.secret()));
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
    }

    @Test
    void a_recovery_code_completes_one_login_and_not_a_second() {
        Enrolled ada = enrolled();
        String recovery = ada.recoveryCodes().get(0);

        assertFieldError(
                http().post(
                                "/users/login/mfa/",
                                map(
                                        "mfa_token",
                                        mfaToken(ada.username()),
                                        "code",
                                        "123456",
                                        "recovery_code",
                                        recovery)),
                "recovery_code");
        assertFieldError(http().post("/users/login/mfa/", map("mfa_token", mfaToken(ada.username()))), "code");
        assertFieldError(http().post("/users/login/mfa/", map("code", "123456")), "mfa_token");
        Reply used = complete(mfaToken(ada.username()), "recovery_code", recovery);
        assertThat(used.status()).as(used.toString()).isEqualTo(200);
        assertThat(used.text("access_token")).isNotBlank();

        assertFieldError(complete(mfaToken(ada.username()), "recovery_code", recovery), "recovery_code");
        Reply another = complete(
                mfaToken(ada.username()), "recovery_code", ada.recoveryCodes().get(1));
        assertThat(another.status()).as(another.toString()).isEqualTo(200);
    }

    @Test
    void the_mfa_token_expires_after_five_minutes_and_takes_five_tries() {
        Enrolled ada = enrolled();
        String expiring = mfaToken(ada.username());
        String guessed = mfaToken(ada.username());
        for (int i = 0; i < 4; i++) {
            assertFieldError(complete(guessed, "code", wrongCode(ada.secret())), "code");
        }
        assertFieldError(complete(guessed, "code", wrongCode(ada.secret())), "code");
        stockroom().clock.advance(Duration.ofSeconds(2)); // the delay the fifth wrong code set
        assertFieldError(complete(guessed, "code", codeNow(ada.secret())), "code");

        stockroom().clock.advance(Duration.ofMinutes(5));

        assertError(complete(expiring, "code", codeNow(ada.secret())), 401);
        Reply fresh = complete(mfaToken(ada.username()), "code", codeNow(ada.secret()));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
    }

    @Test
    void wrong_codes_are_throttled_like_wrong_passwords() {
        Enrolled ada = enrolled();
        // Tokens first: the password logins hash, and the delay after the fifth wrong code is a second.
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(mfaToken(ada.username()));
        }
        for (int i = 0; i < 5; i++) {
            assertFieldError(complete(tokens.get(i), "code", wrongCode(ada.secret())), "code");
        }

        Reply throttled = complete(tokens.get(5), "code", codeNow(ada.secret()));

        assertError(throttled, 429);
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 2);
        stockroom().clock.advance(Duration.ofSeconds(2));
        assertThat(complete(tokens.get(5), "code", codeNow(ada.secret())).status())
                .as("the refused attempt took no try")
                .isEqualTo(200);
    }

    @Test
    void disabling_needs_the_password_and_a_code_and_logins_are_one_step_again() {
        Enrolled ada = enrolled();

        assertFieldError(
                http().post(
                                "/users/mfa/totp/disable/",
                                map("password", "not the password", "code", codeNow(ada.secret())),
                                ada.accessToken()),
                "password");
        assertFieldError(
                http().post(
                                "/users/mfa/totp/disable/",
                                map("password", PASSWORD, "code", wrongCode(ada.secret())),
                                ada.accessToken()),
                "code");
        Reply disabled = http().post(
                        "/users/mfa/totp/disable/",
                        map("password", PASSWORD, "code", codeNow(ada.secret())),
                        ada.accessToken());

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.text("message")).isEqualTo("Two-factor sign-in disabled");
        Reply login = http().post("/users/login/", map("username", ada.username(), "password", PASSWORD));
        assertThat(login.text("access_token")).as(login.toString()).isNotBlank();
        assertThat(login.body().has("mfa_required")).isFalse();
        assertError(
                http().post(
                                "/users/mfa/totp/disable/",
                                map(
                                        "password",
                                        PASSWORD,
                                        "code",
                                        ada.recoveryCodes().get(0)),
                                ada.accessToken()),
                409);
    }

    @Test
    void a_password_reset_leaves_two_factor_sign_in_on() {
        Enrolled ada = enrolled();
        String address = email(ada.username());
        assertThat(http().post("/users/password/forget/", map("email", address)).status())
                .isEqualTo(200);
        Reply verified = http().post(
                        "/users/password/forget/verify/",
                        map("email", address, "code", stockroom().code(address, 2)));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        Reply reset = http().post(
                        "/users/password/update/",
                        map(
                                "password",
                                AccountFlowsTest.NEW_PASSWORD,
                                "confirm_password",
                                AccountFlowsTest.NEW_PASSWORD),
                        verified.text("access_token"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        Reply login = http().post(
                        "/users/login/", map("username", ada.username(), "password", AccountFlowsTest.NEW_PASSWORD));
        assertThat(login.body().get("mfa_required").asBoolean())
                .as(login.toString())
                .isTrue();
        assertThat(login.body().has("access_token")).isFalse();
    }
}
