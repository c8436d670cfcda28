package dev.stockroom.bootstrap;

import static dev.stockroom.bootstrap.StockroomConfiguration.exactly;
import static dev.stockroom.bootstrap.StockroomConfiguration.named;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.adapters.rest.http.TrustedProxies;
import dev.stockroom.adapters.rest.throttling.AddressLimit;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.notification.application.CappedOutbox;
import dev.stockroom.core.throttling.domain.RatePolicy;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code throttling:}: wrong passwords per login name, limits per client address and per email address. */
public class ThrottlingSettings {
    /** Wrong passwords per login name (or device token): always on. */
    @JsonProperty
    @Valid
    @NotNull
    public PerAccount perAccount = new PerAccount();
    /** The limits per client address and the mail cap; false for test rigs and limits at the edge. */
    @JsonProperty
    public boolean perAddress = true;
    /** CIDR ranges (or single addresses) of the proxies whose {@code X-Forwarded-For} names the client. */
    @JsonProperty
    @NotNull
    public List<String> trustedProxies = new ArrayList<>();

    @JsonProperty
    @Valid
    @NotNull
    public PerAddressLimits addressLimits = new PerAddressLimits();
    /** Mails of one kind (verification code, reset code, password changed) to one email address. */
    @JsonProperty
    @Valid
    @NotNull
    public Limit mailsPerEmail = Limit.of(CappedOutbox.DEFAULT_MAILS_OF_ONE_KIND, CappedOutbox.DEFAULT_WINDOW);

    /** Throws, naming the setting, when a range or a limit cannot work. */
    void validate() {
        perAccount.toThrottle();
        proxies();
        addressPolicies();
        named(
                "throttling.mailsPerEmail",
                () -> new RatePolicy("mail", mailsPerEmail.limit, mailsPerEmail.javaWindow()));
    }

    TrustedProxies proxies() {
        return named(
                "throttling.trustedProxies / STOCKROOM_TRUSTED_PROXIES", () -> TrustedProxies.parse(trustedProxies));
    }

    /** A policy for every endpoint limited per client address. */
    Map<AddressLimit, RatePolicy> addressPolicies() {
        PerAddressLimits l = addressLimits;
        Map<AddressLimit, RatePolicy> policies = new EnumMap<>(AddressLimit.class);
        l.loginFailures.putInto(policies, "loginFailures", AddressLimit.LOGIN_FAILURES);
        l.registrations.putInto(policies, "registrations", AddressLimit.REGISTRATION);
        l.passwordForget.putInto(policies, "passwordForget", AddressLimit.PASSWORD_FORGET);
        l.resendCode.putInto(policies, "resendCode", AddressLimit.RESEND_CODE);
        l.verify.putInto(policies, "verify", AddressLimit.VERIFY);
        l.passwordForgetVerify.putInto(policies, "passwordForgetVerify", AddressLimit.PASSWORD_FORGET_VERIFY);
        l.tokenRefresh.putInto(policies, "tokenRefresh", AddressLimit.TOKEN_REFRESH);
        return policies;
    }

    /** The core's {@link LoginThrottle}: free failures, then waits from firstDelay doubling up to maxDelay. */
    public static class PerAccount {
        private static final LoginThrottle DEFAULTS = LoginThrottle.defaults();

        @JsonProperty
        @Min(1)
        public int freeFailures = DEFAULTS.freeFailures();

        @JsonProperty
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        public Duration firstDelay = exactly(DEFAULTS.firstDelay());

        @JsonProperty
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        public Duration maxDelay = exactly(DEFAULTS.maxDelay());

        @JsonProperty
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        public Duration memory = exactly(DEFAULTS.memory());

        LoginThrottle toThrottle() {
            return named(
                    "throttling.perAccount",
                    () -> new LoginThrottle(
                            freeFailures,
                            firstDelay.toJavaDuration(),
                            maxDelay.toJavaDuration(),
                            memory.toJavaDuration()));
        }
    }

    /** The requests one client address may make to each endpoint (at login: failed logins) per window. */
    public static class PerAddressLimits {
        @JsonProperty
        @Valid
        @NotNull
        public Limit loginFailures = Limit.of(AddressLimit.LOGIN_FAILURES);

        @JsonProperty
        @Valid
        @NotNull
        public Limit registrations = Limit.of(AddressLimit.REGISTRATION);

        @JsonProperty
        @Valid
        @NotNull
        public Limit passwordForget = Limit.of(AddressLimit.PASSWORD_FORGET);

        @JsonProperty
        @Valid
        @NotNull
        public Limit resendCode = Limit.of(AddressLimit.RESEND_CODE);

        @JsonProperty
        @Valid
        @NotNull
        public Limit verify = Limit.of(AddressLimit.VERIFY);

        @JsonProperty
        @Valid
        @NotNull
        public Limit passwordForgetVerify = Limit.of(AddressLimit.PASSWORD_FORGET_VERIFY);

        @JsonProperty
        @Valid
        @NotNull
        public Limit tokenRefresh = Limit.of(AddressLimit.TOKEN_REFRESH);
    }

    /** {@code limit} events per fixed {@code window} (whole seconds, aligned to the clock: 1h from hour to hour). */
    public static class Limit {
        @JsonProperty
        @Min(1)
        public int limit;

        @JsonProperty
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        public Duration window;

        static Limit of(int limit, java.time.Duration window) {
            Limit made = new Limit();
            made.limit = limit;
            made.window = exactly(window);
            return made;
        }

        static Limit of(AddressLimit endpoint) {
            return of(endpoint.defaultPolicy().limit(), endpoint.defaultPolicy().window());
        }

        void putInto(Map<AddressLimit, RatePolicy> policies, String key, AddressLimit endpoint) {
            policies.put(
                    endpoint,
                    named("throttling.addressLimits." + key, () -> endpoint.policy(limit, window.toJavaDuration())));
        }

        java.time.Duration javaWindow() {
            return window.toJavaDuration();
        }
    }
}
