package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.shared.LanguageTag;
import dev.stockroom.core.shared.Violations;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A registration whose fields are well formed and whose passwords match. The password policy
 * (length, common passwords, resemblance to the username) is applied by the use case, which
 * knows the configured policy.
 *
 * @param locale the language the user asked for, kept as given (translated or not)
 * @param preferences the languages the client reads, best first (its {@code Accept-Language}):
 *     without {@code locale}, the user writes the best of these that mail is translated into,
 *     else English
 */
public record RegisterCommand(
        PersonName firstName,
        PersonName lastName,
        Username username,
        EmailAddress email,
        String password,
        Optional<LanguageTag> locale,
        List<Locale.LanguageRange> preferences) {

    public RegisterCommand {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(locale, "locale");
        preferences = List.copyOf(preferences);
    }

    /** Checks every field at once; the user writes English. @throws AccountFailure.InvalidInput naming each bad field */
    public static RegisterCommand of(
            String firstName, String lastName, String username, String email, String password, String confirmPassword) {
        return of(firstName, lastName, username, email, password, confirmPassword, null, List.of());
    }

    /**
     * Checks every field at once.
     *
     * @param locale the {@code locale} field, null when not sent
     * @throws AccountFailure.InvalidInput naming each bad field
     */
    public static RegisterCommand of(
            String firstName,
            String lastName,
            String username,
            String email,
            String password,
            String confirmPassword,
            String locale,
            List<Locale.LanguageRange> preferences) {
        Violations v = new Violations();
        PersonName first = v.field("first_name", () -> new PersonName(firstName));
        PersonName last = v.field("last_name", () -> new PersonName(lastName));
        Username user = v.field("username", () -> new Username(username));
        EmailAddress mail = v.field("email", () -> new EmailAddress(email));
        Passwords.checkNewPassword(v, password, confirmPassword);
        LanguageTag language = locale == null ? null : v.field("locale", () -> new LanguageTag(locale));
        v.throwIfAny(AccountFailure.InvalidInput::new);
        return new RegisterCommand(first, last, user, mail, password, Optional.ofNullable(language), preferences);
    }

    @Override
    public String toString() {
        return "RegisterCommand[username=" + username + ", email=" + email + ", locale=" + locale + "]";
    }
}
