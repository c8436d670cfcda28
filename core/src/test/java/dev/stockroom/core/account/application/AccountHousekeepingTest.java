package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.LogOutCommand;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.throttling.application.FixedWindowRateLimiter;
import dev.stockroom.core.throttling.domain.RatePolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What housekeeping deletes and what it must keep, on the in-memory adapters with the default policy. */
class AccountHousekeepingTest {
    private static final Duration RETENTION = AccountHousekeeping.RETENTION;
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final String WRONG = "not the passphrase at all";

    private final AccountFixture f = new AccountFixture();

    @Test
    void purges_nothing_while_everything_is_young() {
        SessionGrant grant = f.registerVerified("ada");
        f.authentication().refresh(grant.refreshToken().orElseThrow());
        f.authentication().logOut(f.caller(f.logIn("ada", PASSWORD)), LogOutCommand.current());
        f.clock.advance(RETENTION.minus(SECOND));
        failLogIn("ada");

        assertThat(purge()).isEqualTo(new HousekeepingReport(0, 0, 0, 0, 0, 0, 0));
        assertThat(purge().isEmpty()).isTrue();
    }

    @Test
    void a_spent_token_goes_once_the_retention_has_passed_and_the_current_one_stays() {
        SessionGrant first = f.registerVerified("ada");
        String spent = first.refreshToken().orElseThrow();
        String current = f.authentication().refresh(spent).refreshToken().orElseThrow();

        f.clock.advance(RETENTION);
        HousekeepingReport report = purge();

        assertThat(report.spentRefreshTokens()).isEqualTo(1);
        assertThat(report.sessions()).isZero();
        assertThat(f.store.sessions().findRefreshToken(Sessions.hashOf(spent))).isEmpty();
        assertThat(f.authentication().refresh(current).sessionId()).isEqualTo(first.sessionId());
    }

    @Test
    void a_spent_token_younger_than_the_retention_still_ends_its_family_after_a_purge() {
        SessionGrant first = f.registerVerified("ada");
        String spent = first.refreshToken().orElseThrow();
        SessionGrant second = f.authentication().refresh(spent);

        f.clock.advance(RETENTION.minus(SECOND));
        purge();

        assertThatThrownBy(() -> f.authentication().refresh(spent))
                .isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThatThrownBy(() -> f.caller(second)).isInstanceOf(AccountFailure.SessionEnded.class);
    }

    @Test
    void a_revoked_session_goes_with_its_tokens_once_the_retention_has_passed_since_its_revocation() {
        SessionGrant grant = f.registerVerified("ada");
        f.clock.advance(Duration.ofHours(5));
        f.authentication().logOut(f.caller(grant), LogOutCommand.current());

        f.clock.advance(RETENTION.minus(SECOND));
        assertThat(purge().sessions()).isZero();
        assertThat(f.store.sessions().findById(grant.sessionId())).isPresent();

        f.clock.advance(SECOND);
        assertThat(purge().sessions()).isEqualTo(1);
        assertThat(f.store.sessions().findById(grant.sessionId())).isEmpty();
        assertThat(f.store
                        .sessions()
                        .findRefreshToken(Sessions.hashOf(grant.refreshToken().orElseThrow())))
                .isEmpty();
    }

    @Test
    void an_expired_session_goes_once_the_retention_has_passed_since_its_end() {
        SessionGrant grant = f.registerVerified("ada");

        f.clock.advance(f.policy.sessionLifetime().plus(RETENTION).minus(SECOND));
        assertThat(purge().sessions()).isZero();

        f.clock.advance(SECOND);
        assertThat(purge().sessions()).isEqualTo(1);
        assertThat(f.store.sessions().findById(grant.sessionId())).isEmpty();
    }

    @Test
    void a_live_session_stays_however_old_its_spent_tokens() {
        SessionGrant grant = f.registerVerified("ada");
        String current = f.authentication()
                .refresh(grant.refreshToken().orElseThrow())
                .refreshToken()
                .orElseThrow();

        f.clock.advance(f.policy.sessionLifetime().minus(SECOND));
        assertThat(purge()).isEqualTo(new HousekeepingReport(0, 1, 1, 0, 0, 0, 0));

        assertThat(f.authentication().refresh(current).sessionId()).isEqualTo(grant.sessionId());
    }

    @Test
    void a_used_code_goes_once_the_retention_has_passed_since_its_use() {
        UserId ada = f.registerVerified("ada").userId();

        f.clock.advance(RETENTION.minus(SECOND));
        assertThat(purge().oneTimeCodes()).isZero();

        f.clock.advance(SECOND);
        assertThat(purge().oneTimeCodes()).isEqualTo(1);
        assertThat(f.store.codes().findCurrent(ada, CodePurpose.VERIFY_EMAIL)).isEmpty();
    }

    @Test
    void an_unused_code_goes_once_the_retention_has_passed_since_it_expired() {
        UserId ada = f.register("ada").grant().userId();

        f.clock.advance(f.policy.codeLifetime().plus(RETENTION).minus(SECOND));
        assertThat(purge().oneTimeCodes()).isZero();

        f.clock.advance(SECOND);
        assertThat(purge().oneTimeCodes()).isEqualTo(1);
        assertThat(f.store.codes().findCurrent(ada, CodePurpose.VERIFY_EMAIL)).isEmpty();
    }

    @Test
    void a_code_stays_for_the_whole_resend_cooldown_when_that_is_longer_than_the_retention() {
        AccountPolicy longCooldown = AccountPolicy.defaults().withResendCooldown(Duration.ofDays(3));
        AccountHousekeeping housekeeping = new AccountHousekeeping(
                f.store.sessions(),
                f.store.codes(),
                f.store.loginAttempts(),
                f.store.devices(),
                f.store.audit(),
                Optional.empty(),
                longCooldown,
                f.clock);
        UserId ada = f.register("ada").grant().userId();

        f.clock.advance(f.policy.codeLifetime().plus(Duration.ofDays(3)).minus(SECOND));
        assertThat(housekeeping.purge().oneTimeCodes()).isZero();
        assertThat(f.store.codes().findCurrent(ada, CodePurpose.VERIFY_EMAIL)).isPresent();

        f.clock.advance(SECOND);
        assertThat(housekeeping.purge().oneTimeCodes()).isEqualTo(1);
    }

    @Test
    void failed_logins_are_forgotten_once_the_throttle_no_longer_remembers_the_last() {
        failLogIn("ada");
        f.clock.advance(Duration.ofHours(1));
        failLogIn("ada");

        f.clock.advance(f.policy.loginThrottle().memory().minus(SECOND));
        assertThat(purge().loginAttempts()).isZero();

        f.clock.advance(SECOND);
        assertThat(purge().loginAttempts()).isEqualTo(1);
    }

    @Test
    void a_running_delay_is_kept() {
        f.registerVerified("ada");
        LoginThrottle throttle = f.policy.loginThrottle();
        for (int i = 0; i < throttle.freeFailures(); i++) {
            failLogIn("ada");
        }
        assertThat(purge().loginAttempts()).isZero();
        assertThatThrownBy(() -> f.logIn("ada", PASSWORD)).isInstanceOf(AccountFailure.Throttled.class);
    }

    @Test
    void unused_device_tokens_go_after_their_lifetime_and_old_events_after_the_retention() {
        f.registerVerified("ada");
        f.logIn("ada", PASSWORD);
        int events = f.store.audit().all().size();

        f.clock.advance(f.policy.deviceTokenLifetime().minus(SECOND));
        assertThat(purge().deviceTokens()).isZero();
        f.clock.advance(SECOND.plus(SECOND));
        HousekeepingReport report = purge();
        assertThat(report.deviceTokens()).isEqualTo(1);
        assertThat(report.auditEvents())
                .as("retention is a year, as the device lifetime")
                .isEqualTo(events);
        assertThat(f.store.audit().all()).isEmpty();
    }

    private HousekeepingReport purge() {
        return f.services.housekeeping().purge();
    }

    private void failLogIn(String login) {
        assertThatThrownBy(() -> f.logIn(login, WRONG)).isInstanceOf(AccountFailure.class);
    }

    @Test
    void ended_rate_limit_windows_go_after_a_few_minutes_of_grace_and_the_current_ones_stay() {
        AccountHousekeeping housekeeping = new AccountHousekeeping(
                f.store.sessions(),
                f.store.codes(),
                f.store.loginAttempts(),
                f.store.devices(),
                f.store.audit(),
                Optional.of(f.store.rateCounters()),
                f.policy,
                f.clock);
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(f.store.rateCounters(), f.clock);
        RatePolicy tenMinutes = new RatePolicy("refresh", 1000, Duration.ofMinutes(10));
        RatePolicy hour = new RatePolicy("register", 20, Duration.ofHours(1));
        limiter.hit(tenMinutes, "203.0.113.7");
        limiter.hit(hour, "203.0.113.7");
        limiter.hit(hour, "203.0.113.8");

        f.clock.advance(
                tenMinutes.window().plus(AccountHousekeeping.RATE_COUNT_GRACE).minus(SECOND));
        assertThat(housekeeping.purge().rateCounts()).isZero();
        f.clock.advance(SECOND);
        assertThat(housekeeping.purge()).isEqualTo(new HousekeepingReport(0, 0, 0, 0, 0, 0, 1));

        f.clock.advance(hour.window().minus(tenMinutes.window()));
        assertThat(housekeeping.purge().rateCounts()).isEqualTo(2);
        assertThat(f.store.rateCounters().size()).isZero();
    }
}
