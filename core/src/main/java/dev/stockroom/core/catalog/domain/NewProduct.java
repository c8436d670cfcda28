package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.account.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/** A product about to be stored: everything but the id, which the store generates. */
public record NewProduct(UserId owner, ProductDetails details, Instant createdAt) {
    public NewProduct {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
