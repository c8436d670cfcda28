package dev.stockroom.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.shared.Failure;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.LanguageTag;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The German error texts: complete, and used for every text the core and the adapter write. */
class ErrorTextsTest {
    private static final LanguageTag GERMAN = ErrorTexts.GERMAN;
    private final ErrorTexts texts = ErrorTexts.shipped();

    @Test
    void every_english_text_has_a_german_one() {
        assertThat(texts.keys(GERMAN))
                .isEqualTo(texts.keys(LanguageTag.ENGLISH))
                .isNotEmpty();
    }

    /** A new failure with a constructor of no arguments cannot ship without its German message. */
    @Test
    void every_failure_of_the_core_reads_in_german() throws Exception {
        List<Failure> failures = new ArrayList<>();
        for (Class<?> type : AccountFailure.class.getPermittedSubclasses()) {
            noArguments(type).ifPresent(failures::add);
        }
        for (Class<?> type : CatalogFailure.class.getPermittedSubclasses()) {
            noArguments(type).ifPresent(failures::add);
        }
        failures.add(new AccountFailure.UserNotFound("named ada"));
        failures.add(new AccountFailure.SecondFactorOff("Set up two-factor sign-in first."));
        failures.add(new AccountFailure.SecondFactorOff("Two-factor sign-in is not on."));
        failures.add(new AccountFailure.Throttled(
                "Too many wrong codes; try again later.", java.time.Duration.ofSeconds(1)));
        failures.add(new AccountFailure.WrongPassword("password"));
        failures.add(new CatalogFailure.ProductNotFound(new ProductId(42)));
        failures.add(new CatalogFailure.PhotoTooLarge(5 * 1024 * 1024));
        failures.add(AccountFailure.InvalidInput.of("first_name", "This field is required."));
        failures.add(CatalogFailure.InvalidInput.of("name", "This field is required."));

        assertThat(failures).hasSizeGreaterThan(20);
        for (Failure failure : failures) {
            ErrorBody body = new ErrorBody(failure.getMessage(), failure.fieldErrors());
            assertThat(texts.translate(body, GERMAN))
                    .as("%s: %s %s", failure.kind(), failure.getMessage(), failure.fieldErrors())
                    .isPresent();
        }
    }

    @Test
    void every_status_message_reads_in_german() {
        for (int status = 400; status < 600; status++) {
            String english = ErrorResponses.messageFor(status);
            assertThat(texts.translate(english, GERMAN))
                    .as("%d %s", status, english)
                    .isPresent();
        }
    }

    @Test
    void the_field_rules_of_the_profile_read_in_german() {
        List<ThrowingCallable> invalid = List.of(
                () -> new PersonName(" "),
                () -> new PersonName("x".repeat(101)),
                () -> new PersonName("a\u0000b"),
                () -> new Username("ab"),
                () -> new Username("a b c"),
                () -> new LanguageTag("en_GB"),
                () -> new LanguageTag("a".repeat(40)));
        for (ThrowingCallable value : invalid) {
            assertThatThrownBy(value)
                    .isInstanceOf(InvalidValue.class)
                    .satisfies(e -> assertThat(texts.translate(e.getMessage(), GERMAN))
                            .as(e.getMessage())
                            .isPresent());
        }
    }

    @Test
    void values_inside_a_text_are_kept_and_the_most_literal_text_wins() {
        assertThat(texts.translate("Must be at most 100 characters.", GERMAN))
                .contains("Darf höchstens 100 Zeichen lang sein.");
        assertThat(texts.translate("Must be at most 5 MiB.", GERMAN)).contains("Darf höchstens 5 MiB sein.");
        assertThat(texts.translate("Must be 3 to 150 characters.", GERMAN))
                .contains("Muss 3 bis 150 Zeichen lang sein.");
        assertThat(texts.translate("No user named Zoë.", GERMAN)).contains("Es gibt keinen Benutzer namens Zoë.");
        assertThat(texts.translate("Something went wrong on our side (error 3f2a).", GERMAN))
                .contains("Bei uns ist etwas schiefgelaufen (Fehler 3f2a).");
    }

    @Test
    void a_body_keeps_its_field_names_and_never_mixes_languages() {
        ErrorBody body = new ErrorBody(
                        "Some fields are not valid.",
                        Map.of("locale", List.of("Must be a language tag such as en or de-DE.")))
                .withRequestId("req-1");

        ErrorBody german = texts.translate(body, GERMAN).orElseThrow();

        assertThat(german.message()).isEqualTo("Einige Felder sind ungültig.");
        assertThat(german.errors())
                .containsExactly(Map.entry("locale", List.of("Muss ein Sprach-Tag wie en oder de-DE sein.")));
        assertThat(german.requestId()).isEqualTo("req-1");
        assertThat(german.status()).isFalse();
        ErrorBody partly = new ErrorBody("Some fields are not valid.", Map.of("x", List.of("A text nobody wrote.")));
        assertThat(texts.translate(partly, GERMAN)).isEmpty();
        assertThat(texts.translate("A text nobody wrote.", GERMAN)).isEmpty();
        assertThat(texts.translate("This field is required.", new LanguageTag("fr")))
                .isEmpty();
        assertThat(texts.translate("Anything.", LanguageTag.ENGLISH)).contains("Anything.");
    }

    private static java.util.Optional<Failure> noArguments(Class<?> type) throws Exception {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.getParameterCount() == 0) {
                return java.util.Optional.of((Failure) constructor.newInstance());
            }
        }
        return java.util.Optional.empty();
    }
}
