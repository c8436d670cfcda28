package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.account.domain.UserId;
import java.util.UUID;

/** What becomes of a deleted account's products. */
public enum DeletedOwnerProducts {
    /** They are deleted with the account (their photo files too). */
    DELETE,
    /** They stay in the catalogue, owned by {@link #ANONYMOUS_OWNER}, which no account is. */
    KEEP_ANONYMOUS;

    /** The owner of kept products: the nil UUID, which {@code UserId.random()} never yields. */
    public static final UserId ANONYMOUS_OWNER = new UserId(new UUID(0L, 0L));
}
