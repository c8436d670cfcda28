package dev.stockroom.core.testing;

import dev.stockroom.core.catalog.domain.ImageId;
import dev.stockroom.core.catalog.domain.NewProductImage;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/** {@link ProductImageRepository} in memory. */
public final class InMemoryProductImageRepository implements ProductImageRepository, InMemoryTransactions.Participant {
    private static final Comparator<ProductImage> ORDER =
            Comparator.comparingInt(ProductImage::position).thenComparingLong(i -> i.id().value());
    private final Guarded guard;
    private final AtomicLong lastId = new AtomicLong();
    private Map<ImageId, ProductImage> byId = new HashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemoryProductImageRepository() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryProductImageRepository(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public ProductImage add(NewProductImage image) {
        Objects.requireNonNull(image, "image");
        return guard.get(() -> {
            ProductImage added = image.withId(new ImageId(lastId.incrementAndGet()));
            byId.put(added.id(), added);
            return added;
        });
    }

    @Override
    public List<ProductImage> imagesOf(ProductId product) {
        Objects.requireNonNull(product, "product");
        return guard.get(() -> byId.values().stream()
                .filter(i -> i.product().equals(product))
                .sorted(ORDER)
                .toList());
    }

    @Override
    public Map<ProductId, List<ProductImage>> imagesOf(Collection<ProductId> products) {
        Map<ProductId, List<ProductImage>> found = new LinkedHashMap<>();
        for (ProductId product : products) {
            List<ProductImage> images = imagesOf(product);
            if (!images.isEmpty()) {
                found.put(product, images);
            }
        }
        return found;
    }

    @Override
    public void reposition(ProductId product, List<ImageId> order) {
        guard.run(() -> {
            for (int i = 0; i < order.size(); i++) {
                ProductImage image = byId.get(order.get(i));
                if (image != null && image.product().equals(product)) {
                    byId.put(image.id(), image.at(i));
                }
            }
        });
    }

    @Override
    public boolean delete(ProductId product, ImageId image) {
        return guard.get(() -> {
            ProductImage stored = byId.get(image);
            if (stored == null || !stored.product().equals(product)) {
                return false;
            }
            byId.remove(image);
            return true;
        });
    }

    @Override
    public List<ProductImage> deleteAllOf(ProductId product) {
        return guard.get(() -> {
            List<ProductImage> removed = new ArrayList<>(imagesOf(product));
            removed.forEach(i -> byId.remove(i.id()));
            return removed;
        });
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<ImageId, ProductImage> saved = new HashMap<>(byId);
            return () -> guard.run(() -> byId = saved);
        });
    }
}
