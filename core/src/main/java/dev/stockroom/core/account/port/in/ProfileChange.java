package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.shared.LanguageTag;
import dev.stockroom.core.shared.Violations;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user changes of their own profile ({@code PATCH /users/me/}): an empty component leaves
 * that field as it is. None of them can be cleared. Built with {@link #builder()}, whose setters
 * are called only for the fields the client sent.
 */
public record ProfileChange(
        Optional<PersonName> firstName, Optional<PersonName> lastName, Optional<LanguageTag> locale) {
    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    public static final String LOCALE = "locale";

    public ProfileChange {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(locale, "locale");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the fields a client sent, checking each with the rules of registration, and fails once with every bad field. */
    public static final class Builder {
        private final Violations violations = new Violations();
        private Optional<PersonName> firstName = Optional.empty();
        private Optional<PersonName> lastName = Optional.empty();
        private Optional<LanguageTag> locale = Optional.empty();

        private Builder() {}

        public Builder firstName(String value) {
            firstName = Optional.ofNullable(violations.field(FIRST_NAME, () -> new PersonName(value)));
            return this;
        }

        public Builder lastName(String value) {
            lastName = Optional.ofNullable(violations.field(LAST_NAME, () -> new PersonName(value)));
            return this;
        }

        /** A BCP 47 tag; one without a translation is kept, and its mail is written in English. */
        public Builder locale(String value) {
            locale = Optional.ofNullable(violations.field(LOCALE, () -> new LanguageTag(value)));
            return this;
        }

        /** Records a problem the edge found with a field (a number where text belongs). */
        public Builder invalid(String field, String problem) {
            violations.add(field, problem);
            return this;
        }

        /**
         * The change, once every field given is valid.
         *
         * @throws AccountFailure.InvalidInput naming each bad field given
         */
        public ProfileChange build() {
            violations.throwIfAny(AccountFailure.InvalidInput::new);
            return new ProfileChange(firstName, lastName, locale);
        }
    }
}
