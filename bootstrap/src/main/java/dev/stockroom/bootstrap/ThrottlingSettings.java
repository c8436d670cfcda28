package dev.stockroom.bootstrap;

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

/**
 * {@code throttling:} in the YAML: how wrong passwords slow a login name down, and the limits per
 * client address and per email address. Defaults are DESIGN.md's where it gives one (see
 * {@link AddressLimit} for the others).
 */
public class ThrottlingSettings {
    /** Wrong passwords per login name (or device token): always on. */
    @JsonProperty
    @Valid
    @NotNull
    public PerAccount perAccount = new PerAccount();

    /**
     * The limits per client address and the cap on mail per email address; false (or {@code
     * STOCKROOM_ADDRESS_LIMITS=off}) for test rigs and for deployments that limit at the edge.
     */
    @JsonProperty
    public boolean perAddress = true;

    /** CIDR ranges (or single addresses) of the proxies whose {@code X-Forwarded-For} names the client. */
    @JsonProperty
    @NotNull
    public List<String> trustedProxies = new ArrayList<>();

    @JsonProperty
    @Valid
    @NotNull
    public AddressLimits addressLimits = new AddressLimits();

    /** Mails of one kind (verification code, reset code, password changed) to one email address. */
    @JsonProperty
    @Valid
    @NotNull
    public Limit mailsPerEmail = new Limit(CappedOutbox.DEFAULT_MAILS_OF_ONE_KIND,
            Duration.seconds(CappedOutbox.DEFAULT_WINDOW.toSeconds()));

    /** Throws, naming the setting, when a range or a limit cannot work. */
    void validate() {
        perAccount.toThrottle();
        proxies();
        addressPolicies();
        try {
            new RatePolicy("mail", mailsPerEmail.limit, mailsPerEmail.javaWindow());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("throttling.mailsPerEmail: " + e.getMessage());
        }
    }

    /** The trusted proxies, parsed. */
    TrustedProxies proxies() {
        try {
            return TrustedProxies.parse(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("throttling.trustedProxies / STOCKROOM_TRUSTED_PROXIES: "
                    + e.getMessage());
        }
    }

    /** A policy for every endpoint limited per client address. */
    Map<AddressLimit, RatePolicy> addressPolicies() {
        Map<AddressLimit, RatePolicy> policies = new EnumMap<>(AddressLimit.class);
        policies.put(AddressLimit.LOGIN_FAILURES, addressLimits.loginFailures.policy("loginFailures",
                AddressLimit.LOGIN_FAILURES));
        policies.put(AddressLimit.REGISTRATION, addressLimits.registrations.policy("registrations",
                AddressLimit.REGISTRATION));
        policies.put(AddressLimit.PASSWORD_FORGET, addressLimits.passwordForget.policy("passwordForget",
                AddressLimit.PASSWORD_FORGET));
        policies.put(AddressLimit.RESEND_CODE, addressLimits.resendCode.policy("resendCode", AddressLimit.RESEND_CODE));
        policies.put(AddressLimit.VERIFY, addressLimits.verify.policy("verify", AddressLimit.VERIFY));
        policies.put(AddressLimit.PASSWORD_FORGET_VERIFY, addressLimits.passwordForgetVerify.policy(
                "passwordForgetVerify", AddressLimit.PASSWORD_FORGET_VERIFY));
        policies.put(AddressLimit.TOKEN_REFRESH, addressLimits.tokenRefresh.policy("tokenRefresh",
                AddressLimit.TOKEN_REFRESH));
        return policies;
    }

    /**
     * The first {@code freeFailures} wrong passwords for a name cost nothing; from then on each
     * makes the next check wait, {@code firstDelay} doubling up to {@code maxDelay}; the count is
     * forgotten {@code memory} after the last failure.
     */
    public static class PerAccount {
        private static final LoginThrottle DEFAULTS = LoginThrottle.defaults();
        @JsonProperty @Min(1) public int freeFailures = DEFAULTS.freeFailures();
        @JsonProperty @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        public Duration firstDelay = Duration.seconds(DEFAULTS.firstDelay().toSeconds());
        @JsonProperty @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
        public Duration maxDelay = Duration.minutes(DEFAULTS.maxDelay().toMinutes());
        @JsonProperty @NotNull @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        public Duration memory = Duration.hours(DEFAULTS.memory().toHours());

        LoginThrottle toThrottle() {
            try {
                return new LoginThrottle(freeFailures, firstDelay.toJavaDuration(), maxDelay.toJavaDuration(),
                        memory.toJavaDuration());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("throttling.perAccount: " + e.getMessage());
            }
        }
    }

    /** The requests one client address may make to each endpoint (at login: failed logins) per window. */
    public static class AddressLimits {
        @JsonProperty @Valid @NotNull public Limit loginFailures = Limit.of(AddressLimit.LOGIN_FAILURES);
        @JsonProperty @Valid @NotNull public Limit registrations = Limit.of(AddressLimit.REGISTRATION);
        @JsonProperty @Valid @NotNull public Limit passwordForget = Limit.of(AddressLimit.PASSWORD_FORGET);
        @JsonProperty @Valid @NotNull public Limit resendCode = Limit.of(AddressLimit.RESEND_CODE);
        @JsonProperty @Valid @NotNull public Limit verify = Limit.of(AddressLimit.VERIFY);
        @JsonProperty @Valid @NotNull public Limit passwordForgetVerify = Limit.of(AddressLimit.PASSWORD_FORGET_VERIFY);
        @JsonProperty @Valid @NotNull public Limit tokenRefresh = Limit.of(AddressLimit.TOKEN_REFRESH);
    }

    /** {@code limit} events per fixed {@code window} (whole seconds, aligned to the clock: 1h runs from hour to hour). */
    public static class Limit {
        @JsonProperty
        @Min(1)
        public int limit;

        @JsonProperty
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        public Duration window;

        public Limit() {
        }

        Limit(int limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }

        static Limit of(AddressLimit endpoint) {
            RatePolicy policy = endpoint.defaultPolicy();
            return new Limit(policy.limit(), Duration.seconds(policy.window().toSeconds()));
        }

        RatePolicy policy(String key, AddressLimit endpoint) {
            try {
                return endpoint.policy(limit, window.toJavaDuration());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("throttling.addressLimits." + key + ": " + e.getMessage());
            }
        }

        java.time.Duration javaWindow() {
            return window.toJavaDuration();
        }
    }
}
