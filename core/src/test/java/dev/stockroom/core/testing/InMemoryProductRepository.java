package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductAttributes;
import dev.stockroom.core.catalog.domain.ProductCursor;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductOrdering;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import dev.stockroom.core.catalog.domain.Sku;
import dev.stockroom.core.catalog.domain.Slug;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@link ProductRepository} in memory, with the list query's semantics spelled out in plain Java:
 * the reference the SQL adapters are held to by the same contract.
 */
public final class InMemoryProductRepository implements ProductRepository, InMemoryTransactions.Participant {
    private final Guarded guard;
    // Like a database sequence: ids handed out are not given back by a rollback.
    private final AtomicLong lastId = new AtomicLong();
    private Map<ProductId, Product> byId = new HashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemoryProductRepository() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryProductRepository(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public Product add(NewProduct product) {
        Objects.requireNonNull(product, "product");
        return guard.get(() -> {
            requireUniqueKeys(product.owner(), null, product.details().attributes());
            Product created = Product.created(new ProductId(lastId.incrementAndGet()), product);
            byId.put(created.id(), created);
            return created;
        });
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return guard.get(() -> Optional.ofNullable(byId.get(id)).filter(p -> !p.isDeleted()));
    }

    @Override
    public boolean update(Product changed, long expectedVersion) {
        Objects.requireNonNull(changed, "changed");
        return guard.get(() -> {
            Product stored = byId.get(changed.id());
            if (stored == null || stored.isDeleted() || stored.version() != expectedVersion) {
                return false;
            }
            requireUniqueKeys(stored.owner(), stored.id(), changed.attributes());
            byId.put(changed.id(), changed);
            return true;
        });
    }

    @Override
    public boolean delete(ProductId id, long expectedVersion) {
        return guard.get(() -> {
            Product stored = byId.get(id);
            if (stored == null || stored.version() != expectedVersion) {
                return false;
            }
            byId.remove(id);
            return true;
        });
    }

    @Override
    public Optional<Product> adjustStock(ProductId id, int delta, Instant at) {
        Objects.requireNonNull(at, "at");
        return guard.get(() -> {
            Product stored = byId.get(id);
            long result = stored == null ? -1 : (long) stored.quantity().value() + delta;
            if (stored == null || stored.isDeleted() || result < 0 || result > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            Product adjusted = stored.withStockAdjustedBy(delta, at);
            byId.put(id, adjusted);
            return Optional.of(adjusted);
        });
    }

    @Override
    public boolean softDelete(ProductId id, long expectedVersion, Instant at) {
        Objects.requireNonNull(at, "at");
        return guard.get(() -> {
            Product stored = byId.get(id);
            if (stored == null || stored.isDeleted() || stored.version() != expectedVersion) {
                return false;
            }
            byId.put(id, stored.deleted(at));
            return true;
        });
    }

    @Override
    public int softDeleteAllOf(UserId owner, Instant at) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(at, "at");
        return guard.get(() -> {
            List<Product> live = byId.values().stream()
                    .filter(p -> p.isOwnedBy(owner) && !p.isDeleted())
                    .toList();
            live.forEach(p -> byId.put(p.id(), p.deleted(at)));
            return live.size();
        });
    }

    @Override
    public Optional<Product> findDeleted(ProductId id) {
        return guard.get(() -> Optional.ofNullable(byId.get(id)).filter(Product::isDeleted));
    }

    @Override
    public boolean restore(ProductId id, long expectedVersion, Instant at) {
        Objects.requireNonNull(at, "at");
        return guard.get(() -> {
            Product stored = byId.get(id);
            if (stored == null || !stored.isDeleted() || stored.version() != expectedVersion) {
                return false;
            }
            byId.put(id, stored.restored(at));
            return true;
        });
    }

    @Override
    public ProductPage searchDeleted(ProductQuery query) {
        return search(query, true);
    }

    @Override
    public List<Product> deletedBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        return guard.get(() -> byId.values().stream()
                .filter(p -> p.deletedAt().filter(at -> !at.isAfter(cutoff)).isPresent())
                .sorted(Comparator.comparing((Product p) -> p.deletedAt().orElseThrow())
                        .thenComparingLong(p -> p.id().value()))
                .limit(limit)
                .toList());
    }

    @Override
    public ProductPage search(ProductQuery query) {
        return search(query, false);
    }

    private ProductPage search(ProductQuery query, boolean deleted) {
        Objects.requireNonNull(query, "query");
        List<Product> matches = guard.get(() -> byId.values().stream()
                .filter(p -> p.isDeleted() == deleted)
                .filter(p -> matches(p, query))
                .sorted(order(query, query.ordering()))
                .toList());
        int from = (int) Math.min(query.offset(), matches.size());
        int to = Math.min(from + query.pageSize(), matches.size());
        return ProductPage.of(matches.subList(from, to), matches.size(), query);
    }

    private static boolean matches(Product p, ProductQuery query) {
        return query.searchKey()
                        .map(key -> lower(p.name().value()).contains(key)
                                || lower(p.description().value()).contains(key))
                        .orElse(true)
                && query.minPrice().map(min -> p.price().compareTo(min) >= 0).orElse(true)
                && query.maxPrice().map(max -> p.price().compareTo(max) <= 0).orElse(true)
                && query.inStock()
                        .map(wanted -> p.quantity().inStock() == wanted)
                        .orElse(true)
                && query.owner().map(p::isOwnedBy).orElse(true)
                && query.listing().matches(p);
    }

    @Override
    public Optional<Product> findBySlug(Slug slug) {
        return guard.get(() -> byId.values().stream()
                .filter(p -> p.attributes().slug().equals(Optional.of(slug)))
                .findFirst());
    }

    @Override
    public Optional<Product> findBySku(UserId owner, Sku sku) {
        return guard.get(() -> byId.values().stream()
                .filter(p -> p.isOwnedBy(owner) && p.attributes().sku().equals(Optional.of(sku)))
                .findFirst());
    }

    @Override
    public Set<Slug> slugsLike(Slug base) {
        return guard.get(() -> byId.values().stream()
                .flatMap(p -> p.attributes().slug().stream())
                .filter(s -> s.equals(base) || s.value().startsWith(base.value() + "-"))
                .collect(Collectors.toSet()));
    }

    @Override
    public void forEach(Optional<UserId> owner, Consumer<Product> action) {
        List<Product> all = guard.get(() -> byId.values().stream()
                .filter(p -> owner.map(p::isOwnedBy).orElse(true))
                .sorted(Comparator.comparingLong(p -> p.id().value()))
                .toList());
        all.forEach(action);
    }

    /** What the SQL stores' unique indexes enforce. */
    private void requireUniqueKeys(UserId owner, ProductId self, ProductAttributes attributes) {
        for (Product other : byId.values()) {
            if (other.id().equals(self)) {
                continue;
            }
            if (attributes.slug().isPresent() && other.attributes().slug().equals(attributes.slug())) {
                throw new CatalogFailure.SlugTaken();
            }
            if (attributes.sku().isPresent()
                    && other.isOwnedBy(owner)
                    && other.attributes().sku().equals(attributes.sku())) {
                throw new CatalogFailure.SkuTaken();
            }
        }
    }

    @Override
    public ProductSlice searchAfter(ProductQuery query, ProductCursor cursor) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(cursor, "cursor");
        Comparator<Product> order = order(query, cursor.ordering());
        List<Product> matches = guard.get(() -> byId.values().stream()
                .filter(p -> !p.isDeleted())
                .filter(p -> matches(p, query))
                .sorted(order)
                .toList());
        List<Product> following = cursor.after()
                .map(position -> matches.stream()
                        .filter(p -> isAfter(p, position, cursor.ordering()))
                        .toList())
                .orElse(matches);
        return ProductSlice.of(
                following.subList(0, Math.min(following.size(), query.pageSize() + 1)), matches.size(), query, cursor);
    }

    private static boolean isAfter(Product p, ProductCursor.Position position, ProductOrdering ordering) {
        String key = ProductCursor.sortKeyOf(ordering.key(), p);
        int byKey = switch (ordering.key()) {
            case PRICE -> new BigDecimal(key).compareTo(new BigDecimal(position.sortKey()));
            case QUANTITY -> Integer.compare(Integer.parseInt(key), Integer.parseInt(position.sortKey()));
            case CREATED_AT -> Instant.parse(key).compareTo(Instant.parse(position.sortKey()));
            case NAME -> key.compareTo(position.sortKey());
            case RELEVANCE -> throw new IllegalArgumentException("no keyset on relevance");
        };
        int compared =
                byKey != 0 ? byKey : Long.compare(p.id().value(), position.id().value());
        return ordering.descending() ? compared < 0 : compared > 0;
    }

    private static Comparator<Product> order(ProductQuery query, ProductOrdering ordering) {
        if (ordering.key() == ProductOrdering.Key.RELEVANCE) {
            Comparator<Product> newest = order(query, ProductOrdering.DEFAULT);
            return query.searchKey()
                    .map(key -> Comparator.<Product, Boolean>comparing(
                                    p -> lower(p.name().value()).contains(key))
                            .reversed()
                            .thenComparing(newest))
                    .orElse(newest);
        }
        Comparator<Product> byKey = switch (ordering.key()) {
            case PRICE -> Comparator.comparing(Product::price);
            case NAME -> Comparator.comparing(p -> lower(p.name().value()));
            case CREATED_AT -> Comparator.comparing(Product::createdAt);
            case QUANTITY -> Comparator.comparingInt(p -> p.quantity().value());
            case RELEVANCE -> throw new IllegalStateException("handled above");
        };
        Comparator<Product> total = byKey.thenComparingLong(p -> p.id().value());
        return ordering.descending() ? total.reversed() : total;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<ProductId, Product> saved = new HashMap<>(byId);
            return () -> guard.run(() -> byId = saved);
        });
    }
}
