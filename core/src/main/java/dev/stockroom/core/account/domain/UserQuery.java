package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.PageRequest;
import dev.stockroom.core.shared.QueryParameters;
import dev.stockroom.core.shared.Text;
import dev.stockroom.core.shared.Violations;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which users an admin lists: every filter optional, combined with AND; oldest account first.
 *
 * @param search   a part of the username or the email address, without regard to case; {@code %}
 *                 and {@code _} match literally
 * @param disabled true lists disabled accounts only, false enabled ones only
 */
public record UserQuery(
        Optional<String> search,
        Optional<AuthStatus> status,
        Optional<Role> role,
        Optional<Boolean> disabled,
        PageRequest page) {
    public static final int MAX_SEARCH_LENGTH = 200;

    public UserQuery {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(disabled, "disabled");
        Objects.requireNonNull(page, "page");
        search = search.map(String::strip).filter(s -> !s.isEmpty());
        if (search.isPresent() && search.get().codePointCount(0, search.get().length()) > MAX_SEARCH_LENGTH) {
            throw AccountFailure.InvalidInput.of("search", "Must be at most " + MAX_SEARCH_LENGTH + " characters.");
        }
        if (search.isPresent() && search.get().codePoints().anyMatch(Character::isISOControl)) {
            throw AccountFailure.InvalidInput.of("search", "Must not contain control characters.");
        }
    }

    public static UserQuery all() {
        return new UserQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PageRequest.first());
    }

    /**
     * Reads the API's query parameters; null or blank means "not given".
     *
     * @throws AccountFailure.InvalidInput naming every parameter that is wrong
     */
    public static UserQuery parse(
            String search, String status, String role, String disabled, String page, String pageSize) {
        Violations v = new Violations();
        Optional<String> text = QueryParameters.given(search);
        text.ifPresent(s -> v.field("search", () -> {
            if (s.strip().codePointCount(0, s.strip().length()) > MAX_SEARCH_LENGTH) {
                throw new InvalidValue("Must be at most " + MAX_SEARCH_LENGTH + " characters.");
            }
            return Text.withoutControlCharacters(s.strip());
        }));
        Optional<AuthStatus> state = QueryParameters.given(status)
                .map(s -> v.field("status", () -> QueryParameters.enumValue(AuthStatus.class, s, "NEW or VERIFIED")));
        Optional<Role> r = QueryParameters.given(role)
                .map(s -> v.field("role", () -> QueryParameters.enumValue(Role.class, s, "ADMIN or USER")));
        Optional<Boolean> off =
                QueryParameters.given(disabled).map(s -> v.field("disabled", () -> QueryParameters.parseBoolean(s)));
        PageRequest paging = PageRequest.parse(v, page, pageSize);
        v.throwIfAny(AccountFailure.InvalidInput::new);
        return new UserQuery(text, state, r, off, paging);
    }

    /** The search text lower-cased as {@link Username#key()} and {@link EmailAddress#key()} are. */
    public Optional<String> searchKey() {
        return search.map(s -> s.toLowerCase(Locale.ROOT));
    }
}
