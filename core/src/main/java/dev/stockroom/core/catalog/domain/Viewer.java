package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.account.domain.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is reading the catalogue, which decides the drafts they see: nobody's when anonymous, their
 * own when logged in, everyone's for an admin.
 */
public record Viewer(Optional<UserId> user, boolean isAdmin) {
    public static final Viewer ANONYMOUS = new Viewer(Optional.empty(), false);

    public Viewer {
        Objects.requireNonNull(user, "user");
        if (isAdmin && user.isEmpty()) {
            throw new IllegalArgumentException("An admin is a user");
        }
    }

    public static Viewer user(UserId user, boolean isAdmin) {
        return new Viewer(Optional.of(user), isAdmin);
    }
}
