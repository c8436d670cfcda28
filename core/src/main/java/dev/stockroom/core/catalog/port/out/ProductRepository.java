package dev.stockroom.core.catalog.port.out;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductCursor;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import dev.stockroom.core.catalog.domain.Sku;
import dev.stockroom.core.catalog.domain.Slug;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where products are kept. A product's slug is unique across the store and its SKU among its
 * owner's products: {@link #add} and {@link #update} throw {@link
 * dev.stockroom.core.catalog.domain.CatalogFailure.SlugTaken} or {@link
 * dev.stockroom.core.catalog.domain.CatalogFailure.SkuTaken} rather than store a second one (a
 * product without a slug or SKU collides with none).
 *
 * <p> Writes are conditional on the stored version, so two writers racing
 * on one product cannot both win: the loser sees {@code false} and the use case reports a stale
 * version. Failures to reach the store are {@link dev.stockroom.core.shared.StorageUnavailable}.
 *
 * <p>A product may be soft-deleted ({@link Product#deletedAt()} set): then only
 * {@link #findDeleted}, {@link #searchDeleted}, {@link #deletedBefore}, {@link #restore} and
 * {@link #delete} see it; every other method acts as if it were gone.
 */
public interface ProductRepository {

    /** Stores a new product under a newly generated id; returns it as {@link Product#created}. */
    Product add(NewProduct product);

    /** The live product with this id; empty when there is none or it is soft-deleted. */
    Optional<Product> findById(ProductId id);

    /**
     * The product, read to be written in the current transaction: a store that can lock the row
     * until the transaction ends (SELECT … FOR UPDATE) should, so that concurrent writers queue
     * instead of losing their conditional update to each other. This default only reads; the
     * conditional update still catches every race, and the writer that lost it tries again.
     */
    default Optional<Product> findByIdForUpdate(ProductId id) {
        return findById(id);
    }

    /**
     * Replaces the stored product with {@code changed} (same id) if the stored version is
     * {@code expectedVersion}, as one conditional write.
     *
     * @return true when this call updated it; false when the product is gone or at another version
     */
    boolean update(Product changed, long expectedVersion);

    /**
     * Removes the product for good, live or soft-deleted, if the stored version is
     * {@code expectedVersion}, so that a concurrent change (a new photo, a restore) is never
     * deleted unseen.
     *
     * @return true when this call deleted it
     */
    boolean delete(ProductId id, long expectedVersion);

    /**
     * Adds {@code delta} to the live product's quantity as ONE conditional write (never a read
     * and a write), so that concurrent adjustments all count and none takes the quantity below 0
     * or above {@link Integer#MAX_VALUE}; the version goes up by one and {@code updatedAt} becomes
     * {@code at} (unless it is later already).
     *
     * @return the product as adjusted; empty when it is missing, soft-deleted, or the result
     *     would be out of range (nothing is written then)
     */
    Optional<Product> adjustStock(ProductId id, int delta, Instant at);

    /**
     * Soft-deletes the live product if the stored version is {@code expectedVersion}: it keeps its
     * row (and its photo), gets {@code deletedAt = at}, and the next version.
     *
     * @return true when this call deleted it
     */
    boolean softDelete(ProductId id, long expectedVersion, Instant at);

    /**
     * Soft-deletes every live product of {@code owner} at {@code at} (each at its next version),
     * as when the owner's account goes.
     *
     * @return how many were deleted
     */
    int softDeleteAllOf(UserId owner, Instant at);

    /** The soft-deleted product with this id; empty when there is none or it is live. */
    Optional<Product> findDeleted(ProductId id);

    /**
     * Makes the soft-deleted product live again, at the next version, if the stored version is
     * {@code expectedVersion}.
     *
     * @return true when this call restored it
     */
    boolean restore(ProductId id, long expectedVersion, Instant at);

    /** Like {@link #search}, over the soft-deleted products only. */
    ProductPage searchDeleted(ProductQuery query);

    /** Up to {@code limit} products soft-deleted at or before {@code cutoff}, the earliest deleted first. */
    List<Product> deletedBefore(Instant cutoff, int limit);

    /**
     * One page of the live products matching {@code query}, in its ordering with the tie-break on id,
     * and the number of matches on all pages. A page past the end has no items but the right total.
     */
    ProductPage search(ProductQuery query);

    Optional<Product> findBySlug(Slug slug);

    Optional<Product> findBySku(UserId owner, Sku sku);

    /** The slugs in use that are {@code base} itself or {@code base} followed by {@code -} and more. */
    Set<Slug> slugsLike(Slug base);

    /**
     * Hands every product of {@code owner} (of everyone when empty) to {@code action}, in id order,
     * without holding them all in memory at once.
     */
    void forEach(Optional<UserId> owner, Consumer<Product> action);
    /**
     * The slice of the live products matching {@code query} that follows {@code cursor} in the cursor's
     * ordering (the query's own ordering and page number are not used), at most the query's page
     * size, and the number of matches in all. A keyset read: the store seeks to the cursor's
     * position instead of counting past earlier rows, so a deep slice costs what the first does.
     */
    ProductSlice searchAfter(ProductQuery query, ProductCursor cursor);
}
