package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.account.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A product in the catalogue. Immutable: every change returns a new instance whose
 * {@link #version()} is one higher, which is what optimistic concurrency (and the HTTP
 * {@code ETag}) is built on.
 */
public final class Product {
    /** The version of a product as first stored. */
    public static final long FIRST_VERSION = 1;

    private final ProductId id;
    private final UserId owner;
    private final ProductDetails details;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Optional<Instant> deletedAt;

    private Product(
            ProductId id, UserId owner, ProductDetails details, long version, Instant createdAt, Instant updatedAt) {
        this(id, owner, details, version, createdAt, updatedAt, Optional.empty());
    }

    private Product(
            ProductId id,
            UserId owner,
            ProductDetails details,
            long version,
            Instant createdAt,
            Instant updatedAt,
            Optional<Instant> deletedAt) {
        this.deletedAt = Objects.requireNonNull(deletedAt, "deletedAt");
        this.id = Objects.requireNonNull(id, "id");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.details = Objects.requireNonNull(details, "details");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < FIRST_VERSION) {
            throw new IllegalArgumentException("version must be at least " + FIRST_VERSION + ": " + version);
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt must not be before createdAt");
        }
        this.version = version;
    }

    /** The product a store has just given {@code id}: first version, never updated. */
    public static Product created(ProductId id, NewProduct product) {
        return new Product(
                id, product.owner(), product.details(), FIRST_VERSION, product.createdAt(), product.createdAt());
    }

    /** A product read back from storage; every invariant is checked again. */
    public static Product rehydrate(
            ProductId id,
            UserId owner,
            ProductName name,
            Price price,
            Description description,
            Quantity quantity,
            Optional<Photo> photo,
            long version,
            Instant createdAt,
            Instant updatedAt) {
        return new Product(
                id,
                owner,
                new ProductDetails(name, price, description, quantity, photo),
                version,
                createdAt,
                updatedAt);
    }

    /** A product read back from storage with all its details; every invariant is checked again. */
    public static Product rehydrate(
            ProductId id, UserId owner, ProductDetails details, long version, Instant createdAt, Instant updatedAt) {
        return new Product(id, owner, details, version, createdAt, updatedAt);
    }

    /** This product with its editable fields replaced, as the next version. */
    public Product withDetails(ProductDetails newDetails, Instant now) {
        return new Product(id, owner, newDetails, version + 1, createdAt, later(now), deletedAt);
    }

    /**
     * This product as read back from storage with its soft-deletion time (empty: live); the
     * version stays, as nothing changes but what is known of it.
     */
    public Product withDeletedAt(Optional<Instant> deletion) {
        return new Product(id, owner, details, version, createdAt, updatedAt, deletion);
    }

    /** This product soft-deleted at {@code now}, as the next version. */
    public Product deleted(Instant now) {
        Instant at = later(now);
        return new Product(id, owner, details, version + 1, createdAt, at, Optional.of(at));
    }

    /** This product live again, as the next version. */
    public Product restored(Instant now) {
        return new Product(id, owner, details, version + 1, createdAt, later(now), Optional.empty());
    }

    /** This product with {@code delta} added to its quantity, as the next version. */
    public Product withStockAdjustedBy(int delta, Instant now) {
        return withDetails(
                details.withQuantity(new Quantity(Math.addExact(quantity().value(), delta))), now);
    }

    /** This product under another owner (a deleted account's, kept), as the next version. */
    public Product withOwner(UserId newOwner, Instant now) {
        return new Product(id, newOwner, details, version + 1, createdAt, later(now));
    }

    public Product withPhoto(Optional<Photo> newPhoto, Instant now) {
        return withDetails(details.withPhoto(newPhoto), now);
    }

    // A clock stepping back (NTP, another instance) must not make the product invalid.
    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }

    public boolean isOwnedBy(UserId user) {
        return owner.equals(user);
    }

    public ProductId id() {
        return id;
    }

    public UserId owner() {
        return owner;
    }

    public ProductDetails details() {
        return details;
    }

    public ProductName name() {
        return details.name();
    }

    public Price price() {
        return details.price();
    }

    public Description description() {
        return details.description();
    }

    public Quantity quantity() {
        return details.quantity();
    }

    public Optional<Photo> photo() {
        return details.photo();
    }

    public ProductAttributes attributes() {
        return details.attributes();
    }

    /** Whether {@code viewer} may see it: anyone a published one, its owner and admins a draft too. */
    public boolean isVisibleTo(Viewer viewer) {
        return details.attributes().isPublished()
                || viewer.isAdmin()
                || viewer.user().map(this::isOwnedBy).orElse(false);
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** When the product was soft-deleted; empty while it is live. */
    public Optional<Instant> deletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Product other
                && id.equals(other.id)
                && owner.equals(other.owner)
                && details.equals(other.details)
                && version == other.version
                && createdAt.equals(other.createdAt)
                && updatedAt.equals(other.updatedAt)
                && deletedAt.equals(other.deletedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Product[id=" + id + ", owner=" + owner + ", name=" + details.name() + ", price=" + details.price()
                + ", quantity=" + details.quantity() + ", version=" + version
                + deletedAt.map(at -> ", deletedAt=" + at).orElse("") + "]";
    }
}
