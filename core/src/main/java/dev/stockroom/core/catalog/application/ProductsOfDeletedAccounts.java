package dev.stockroom.core.catalog.application;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.OwnedProducts;
import dev.stockroom.core.catalog.domain.DeletedOwnerProducts;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.shared.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalogue's side of deleting an account: each of the owner's products is deleted as the
 * catalogue deletes one (under lock, then its photo file after the commit), or moved to the
 * anonymous owner, one product per transaction.
 */
public final class ProductsOfDeletedAccounts implements OwnedProducts {
    private static final System.Logger LOG = System.getLogger(ProductsOfDeletedAccounts.class.getName());

    private final ProductRepository products;
    private final PhotoStore photos;
    private final Transactions transactions;
    private final Clock clock;
    private final DeletedOwnerProducts mode;

    public ProductsOfDeletedAccounts(
            ProductRepository products,
            PhotoStore photos,
            Transactions transactions,
            Clock clock,
            DeletedOwnerProducts mode) {
        this.products = Objects.requireNonNull(products, "products");
        this.photos = Objects.requireNonNull(photos, "photos");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    @Override
    public int releaseAllOf(UserId owner) {
        if (owner.equals(DeletedOwnerProducts.ANONYMOUS_OWNER)) {
            return 0;
        }
        ProductQuery query = ProductQuery.all().withOwner(owner).withPage(1, ProductQuery.MAX_PAGE_SIZE);
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
        Optional<Optional<Photo>> deletedPhoto = transactions.inTransaction(() -> {
            Optional<Product> found = products.findByIdForUpdate(listed.id());
            if (found.isEmpty() || !found.get().isOwnedBy(owner)) {
                return Optional.empty();
            }
            Product current = found.get();
            boolean done = mode == DeletedOwnerProducts.DELETE
                    ? products.delete(current.id(), current.version())
                    : products.update(
                            current.withOwner(DeletedOwnerProducts.ANONYMOUS_OWNER, clock.instant()),
                            current.version());
            if (!done) {
                return Optional.empty();
            }
            return Optional.of(mode == DeletedOwnerProducts.DELETE ? current.photo() : Optional.<Photo>empty());
        });
        deletedPhoto.flatMap(photo -> photo.flatMap(Photo::storedKey)).ifPresent(key -> {
            try {
                photos.delete(key);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete the unreferenced photo " + key, e);
            }
        });
        return deletedPhoto.isPresent();
    }
}
