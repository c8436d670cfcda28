package dev.stockroom.core.catalog.application;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.OwnedProducts;
import dev.stockroom.core.catalog.domain.DeletedOwnerProducts;
import dev.stockroom.core.catalog.domain.ListingFilters;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.Viewer;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.shared.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalogue's side of deleting an account: each of the owner's products is soft-deleted as the
 * catalogue deletes one (under lock; its files stay until housekeeping purges it after the
 * retention), or moved to the anonymous owner, one product per transaction.
 */
public final class ProductsOfDeletedAccounts implements OwnedProducts {
    private final ProductRepository products;
    private final Transactions transactions;
    private final Clock clock;
    private final DeletedOwnerProducts mode;

    public ProductsOfDeletedAccounts(
            ProductRepository products, Transactions transactions, Clock clock, DeletedOwnerProducts mode) {
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public int releaseAllOf(UserId owner) {
        if (owner.equals(DeletedOwnerProducts.ANONYMOUS_OWNER)) {
            return 0;
        }
        // As the owner sees them: drafts included.
        ProductQuery query = ProductQuery.all()
                .withOwner(owner)
                .withListing(ListingFilters.NONE.withViewer(Viewer.user(owner, false)))
                .withPage(1, ProductQuery.MAX_PAGE_SIZE);
        int released = 0;
        while (true) {
            List<Product> batch = products.search(query).items();
            int before = released;
            for (Product product : batch) {
                if (release(owner, product)) {
                    released++;
                }
            }
            // A batch that released nothing lost every race to other writers (or was empty): stop
            // rather than spin; the call after the account's deletion picks up what is left.
            if (batch.isEmpty() || released == before) {
                return released;
            }
        }
    }

    private boolean release(UserId owner, Product listed) {
        return transactions.inTransaction(() -> {
            Optional<Product> found = products.findByIdForUpdate(listed.id());
            if (found.isEmpty() || !found.get().isOwnedBy(owner)) {
                return false;
            }
            Product current = found.get();
            // Soft: the products leave every list and detail at once, and an admin may still restore
            // them until housekeeping removes them (with their files) after the retention.
            return mode == DeletedOwnerProducts.DELETE
                    ? products.softDelete(current.id(), current.version(), clock.instant())
                    : products.update(
                            current.withOwner(DeletedOwnerProducts.ANONYMOUS_OWNER, clock.instant()),
                            current.version());
        });
    }
}
