package dev.stockroom.core.catalog.port.out;

import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductCursor;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import java.util.Optional;

/**
 * Where products are kept. Writes are conditional on the stored version, so two writers racing
 * on one product cannot both win: the loser sees {@code false} and the use case reports a stale
 * version. Failures to reach the store are {@link dev.stockroom.core.shared.StorageUnavailable}.
 */
public interface ProductRepository {

    /** Stores a new product under a newly generated id; returns it as {@link Product#created}. */
    Product add(NewProduct product);

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
     * Deletes the product if the stored version is {@code expectedVersion}, so that a concurrent
     * change (a new photo, say) is never deleted unseen.
     *
     * @return true when this call deleted it
     */
    boolean delete(ProductId id, long expectedVersion);

    /**
     * One page of the products matching {@code query}, in its ordering with the tie-break on id,
     * and the number of matches on all pages. A page past the end has no items but the right total.
     */
    ProductPage search(ProductQuery query);

    /**
     * The slice of the products matching {@code query} that follows {@code cursor} in the cursor's
     * ordering (the query's own ordering and page number are not used), at most the query's page
     * size, and the number of matches in all. A keyset read: the store seeks to the cursor's
     * position instead of counting past earlier rows, so a deep slice costs what the first does.
     */
    ProductSlice searchAfter(ProductQuery query, ProductCursor cursor);
}
