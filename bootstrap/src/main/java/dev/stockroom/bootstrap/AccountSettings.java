package dev.stockroom.bootstrap;

import static dev.stockroom.bootstrap.StockroomConfiguration.exactly;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.catalog.domain.DeletedOwnerProducts;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** {@code accounts:}: the core's {@link AccountPolicy} (its defaults, exactly), and how often housekeeping runs. */
public class AccountSettings {
    private static final AccountPolicy DEFAULTS = AccountPolicy.defaults();

    /** What becomes of a deleted account's products: deleted with it, or kept under an anonymous owner. */
    @JsonProperty
    @NotNull
    public DeletedOwnerProducts deletedAccountsProducts = DeletedOwnerProducts.DELETE;

    @JsonProperty
    @NotNull
    public Duration codeLifetime = exactly(DEFAULTS.codeLifetime());

    @JsonProperty
    @Min(1)
    public int maxCodeAttempts = DEFAULTS.maxCodeAttempts();

    @JsonProperty
    @NotNull
    public Duration resendCooldown = exactly(DEFAULTS.resendCooldown());

    @JsonProperty
    @NotNull
    public Duration accessTokenLifetime = exactly(DEFAULTS.accessTokenLifetime());

    @JsonProperty
    @NotNull
    public Duration resetTokenLifetime = exactly(DEFAULTS.resetTokenLifetime());

    @JsonProperty
    @NotNull
    public Duration sessionLifetime = exactly(DEFAULTS.sessionLifetime());

    @JsonProperty
    @Min(8)
    public int passwordMinLength = DEFAULTS.passwordMinLength();

    @JsonProperty
    @Max(4096)
    public int passwordMaxLength = DEFAULTS.passwordMaxLength();
    /** Within it a spent refresh token may come back (a client with several tabs) and get a fresh one; 0 is strict. */
    @JsonProperty
    @NotNull
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    public Duration refreshReuseInterval = exactly(DEFAULTS.refreshReuseInterval());
    /** A device token stops counting this long after its last login. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    public Duration deviceTokenLifetime = exactly(DEFAULTS.deviceTokenLifetime());
    /** How long security events are kept. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.DAYS)
    public Duration auditRetention = exactly(DEFAULTS.auditRetention());
    /** How often ended sessions, spent tokens, dead codes and stale login counts are deleted. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    public Duration housekeepingInterval = Duration.hours(1);

    /** With the default wrong-password throttling; {@link StockroomConfiguration#accountPolicy()} sets the file's. */
    public AccountPolicy toPolicy() {
        return new AccountPolicy(
                codeLifetime.toJavaDuration(),
                maxCodeAttempts,
                resendCooldown.toJavaDuration(),
                accessTokenLifetime.toJavaDuration(),
                resetTokenLifetime.toJavaDuration(),
                sessionLifetime.toJavaDuration(),
                passwordMinLength,
                passwordMaxLength,
                LoginThrottle.defaults(),
                refreshReuseInterval.toJavaDuration(),
                deviceTokenLifetime.toJavaDuration(),
                auditRetention.toJavaDuration());
    }
}
