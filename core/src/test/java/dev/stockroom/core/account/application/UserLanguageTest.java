package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.Profile;
import dev.stockroom.core.account.port.in.ProfileChange;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.in.Registered;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.shared.LanguageTag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A user's language (chosen at registration, changed with the profile) and the profile change itself. */
class UserLanguageTest {
    private static final LanguageTag GERMAN = new LanguageTag("de");
    private final AccountFixture f = new AccountFixture();

    private Registered register(String username, String locale, String acceptLanguage) {
        return f.registration()
                .register(RegisterCommand.of(
                        "Ada",
                        "Lovelace",
                        username,
                        username + "@example.com",
                        PASSWORD,
                        PASSWORD,
                        locale,
                        LanguageTag.preferences(acceptLanguage)));
    }

    private User stored(Registered registered) {
        return f.store.users().findById(registered.grant().userId()).orElseThrow();
    }

    @Test
    void registration_takes_the_best_mail_language_the_client_reads() {
        Registered registered = register("ada", null, "de-DE,de;q=0.9,en;q=0.5");

        assertThat(stored(registered).locale()).isEqualTo(GERMAN);
        assertThat(registered.profile().locale()).isEqualTo(GERMAN);
        assertThat(f.mails(NotificationKind.VERIFICATION_CODE, "ada@example.com"))
                .singleElement()
                .extracting(Notification::locale)
                .isEqualTo(GERMAN);
    }

    @Test
    void registration_falls_back_to_english_when_the_client_reads_nothing_translated() {
        assertThat(stored(register("ada", null, "fr-FR,fr;q=0.8")).locale()).isEqualTo(LanguageTag.ENGLISH);
        assertThat(stored(register("bob", null, null)).locale()).isEqualTo(LanguageTag.ENGLISH);
        assertThat(stored(register("cyd", null, "not a header;;")).locale()).isEqualTo(LanguageTag.ENGLISH);
    }

    @Test
    void a_locale_in_the_registration_wins_even_without_a_translation() {
        Registered registered = register("ada", "fr-ca", "de-DE");

        assertThat(stored(registered).locale().value()).isEqualTo("fr-CA");
        assertThat(f.mails(NotificationKind.VERIFICATION_CODE, "ada@example.com"))
                .singleElement()
                .extracting(n -> n.locale().value())
                .isEqualTo("fr-CA");
    }

    @Test
    void a_malformed_locale_in_the_registration_is_a_field_error_beside_the_others() {
        assertThatThrownBy(() -> RegisterCommand.of(
                        "", "Lovelace", "ada", "ada@example.com", PASSWORD, PASSWORD, "en_GB", List.of()))
                .asInstanceOf(type(AccountFailure.InvalidInput.class))
                .extracting(AccountFailure::fieldErrors)
                .isEqualTo(Map.of(
                        "first_name",
                        List.of("This field is required."),
                        "locale",
                        List.of("Must be a language tag such as en or de-DE.")));
    }

    @Test
    void the_caller_carries_the_stored_language() {
        Registered registered = register("ada", null, "de");

        assertThat(f.caller(registered.grant()).locale()).isEqualTo(GERMAN);
    }

    @Test
    void update_changes_the_fields_given_and_records_which() {
        Registered registered = register("ada", null, null);
        AuthenticatedUser caller = f.caller(registered.grant());
        f.clock.advance(Duration.ofMinutes(5));

        Profile updated = f.profiles()
                .update(
                        caller,
                        ProfileChange.builder()
                                .firstName("  Augusta ")
                                .locale("DE-at")
                                .build(),
                        Origin.UNKNOWN);

        assertThat(updated.firstName().value()).isEqualTo("Augusta");
        assertThat(updated.lastName().value()).isEqualTo("Lovelace");
        assertThat(updated.locale().value()).isEqualTo("de-AT");
        User user = stored(registered);
        assertThat(user.firstName().value()).isEqualTo("Augusta");
        assertThat(user.locale().value()).isEqualTo("de-AT");
        assertThat(user.updatedAt()).isEqualTo(AccountFixture.START.plus(Duration.ofMinutes(5)));
        assertThat(f.store.audit().all())
                .filteredOn(e -> e.kind() == AuditKind.PROFILE_UPDATED)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.detail()).contains("changed first_name, locale");
                    assertThat(event.sessionId()).contains(caller.sessionId());
                });
    }

    @Test
    void the_next_mail_after_a_language_change_is_in_the_new_language() {
        Registered registered = register("ada", null, "de");
        AuthenticatedUser caller = f.caller(registered.grant());
        f.profiles().update(caller, ProfileChange.builder().locale("en").build(), Origin.UNKNOWN);
        f.clock.advance(Duration.ofMinutes(2));

        f.registration().resendCode(f.caller(registered.grant()));

        assertThat(f.mails(NotificationKind.VERIFICATION_CODE, "ada@example.com"))
                .extracting(Notification::locale)
                .containsExactly(GERMAN, LanguageTag.ENGLISH);
    }

    @Test
    void an_update_that_changes_nothing_writes_nothing() {
        Registered registered = register("ada", null, null);
        User before = stored(registered);
        f.clock.advance(Duration.ofMinutes(5));

        Profile same = f.profiles()
                .update(
                        f.caller(registered.grant()),
                        ProfileChange.builder().firstName("Ada").locale("en").build(),
                        Origin.UNKNOWN);
        f.profiles()
                .update(f.caller(registered.grant()), ProfileChange.builder().build(), Origin.UNKNOWN);

        assertThat(same).isEqualTo(Profile.from(before));
        assertThat(stored(registered)).isEqualTo(before);
        assertThat(f.store.audit().all()).map(AuditEvent::kind).doesNotContain(AuditKind.PROFILE_UPDATED);
    }

    @Test
    void every_bad_field_is_named_at_once_and_none_can_be_cleared() {
        assertThatThrownBy(() -> ProfileChange.builder()
                        .firstName(null)
                        .lastName("x".repeat(101))
                        .locale("not a tag")
                        .build())
                .asInstanceOf(type(AccountFailure.InvalidInput.class))
                .extracting(AccountFailure::fieldErrors)
                .isEqualTo(Map.of(
                        "first_name", List.of("This field is required."),
                        "last_name", List.of("Must be at most 100 characters."),
                        "locale", List.of("Must be a language tag such as en or de-DE.")));
    }

    @Test
    void update_refuses_a_reset_token() {
        AuthenticatedUser caller = f.caller(register("ada", null, null).grant());
        AuthenticatedUser resetCaller = new AuthenticatedUser(
                caller.userId(),
                caller.sessionId(),
                SessionKind.PASSWORD_RESET,
                caller.username(),
                caller.status(),
                caller.role());

        assertThatThrownBy(() -> f.profiles()
                        .update(
                                resetCaller,
                                ProfileChange.builder().firstName("Eve").build(),
                                Origin.UNKNOWN))
                .isInstanceOf(AccountFailure.WrongTokenKind.class);
        assertThat(f.store
                        .users()
                        .findById(caller.userId())
                        .orElseThrow()
                        .firstName()
                        .value())
                .isEqualTo("Ada");
    }
}
