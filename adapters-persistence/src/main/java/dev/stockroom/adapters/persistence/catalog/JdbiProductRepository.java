package dev.stockroom.adapters.persistence.catalog;

import dev.stockroom.adapters.persistence.row.Columns;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.Barcode;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Category;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductAttributes;
import dev.stockroom.core.catalog.domain.ProductCursor;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.ProductOrdering;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import dev.stockroom.core.catalog.domain.ProductStatus;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.catalog.domain.Sku;
import dev.stockroom.core.catalog.domain.Slug;
import dev.stockroom.core.catalog.domain.Tags;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Products in the {@code products} table. Writes are conditional on the {@code version} column,
 * so the row count tells a use case whether it won. Names and descriptions are stored a second
 * time lower-cased in Java, so that search and ordering by name do not depend on how either
 * database lower-cases or collates.
 */
public final class JdbiProductRepository implements ProductRepository {
    private static final String SELECT = """
            SELECT id, owner_id, name, price, description, quantity, photo_url, photo_key, version,
                   created_at, updated_at, sku, barcode, slug, status, category, tags, deleted_at
            FROM products
            """;
    private static final String LIVE = " AND deleted_at IS NULL";
    private static final String DELETED = " AND deleted_at IS NOT NULL";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SLUG_INDEX = "uq_products_slug";
    private static final String SKU_INDEX = "uq_products_owner_sku";
    private static final RowMapper<Product> PRODUCT = (rs, ctx) -> Product.rehydrate(
                    new ProductId(rs.getLong("id")),
                    new UserId(Columns.uuid(rs, "owner_id")),
                    new ProductDetails(
                            new ProductName(rs.getString("name")),
                            new Price(rs.getBigDecimal("price")),
                            new Description(rs.getString("description")),
                            new Quantity(rs.getInt("quantity")),
                            photo(rs.getString("photo_url"), rs.getString("photo_key")),
                            attributes(rs)),
                    rs.getLong("version"),
                    Columns.instant(rs, "created_at"),
                    Columns.instant(rs, "updated_at"))
            .withDeletedAt(Optional.ofNullable(Columns.instant(rs, "deleted_at")));

    private static final int FETCH_SIZE = 500;

    private final JdbiTransactions db;
    private volatile Boolean postgres;

    public JdbiProductRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Product add(NewProduct product) {
        NewProduct stored = new NewProduct(product.owner(), product.details(), storable(product.createdAt()));
        long id = db.withHandle(h -> unique(() -> bindDetails(h.createUpdate("""
                        INSERT INTO products (owner_id, name, name_key, price, description, description_key, quantity,
                                              photo_url, photo_key, version, created_at, updated_at,
                                              sku, barcode, slug, status, category, category_key, tags)
                        VALUES (:owner_id, :name, :name_key, :price, :description, :description_key, :quantity,
                                :photo_url, :photo_key, :version, :created_at, :created_at,
                                :sku, :barcode, :slug, :status, :category, :category_key, :tags)
                        """), stored.details())
                .bind("owner_id", stored.owner().value())
                .bind("version", Product.FIRST_VERSION)
                .bind("created_at", stored.createdAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one()));
        return Product.created(new ProductId(id), stored);
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return db.withHandle(h -> h.createQuery(SELECT + "WHERE id = :id" + LIVE)
                .bind("id", id.value())
                .map(PRODUCT)
                .findOne());
    }

    /** Locks the row until the transaction ends, so concurrent writers of one product queue. */
    @Override
    public Optional<Product> findByIdForUpdate(ProductId id) {
        return db.withHandle(h -> h.createQuery(SELECT + "WHERE id = :id" + LIVE + " FOR UPDATE")
                .bind("id", id.value())
                .map(PRODUCT)
                .findOne());
    }

    /** Owner and creation time are the product's for life, so only the rest is written. */
    @Override
    public boolean update(Product changed, long expectedVersion) {
        int rows = db.withHandle(h -> unique(() -> bindDetails(h.createUpdate("""
                        UPDATE products
                        SET name = :name, name_key = :name_key, price = :price, description = :description,
                            description_key = :description_key, quantity = :quantity, photo_url = :photo_url,
                            photo_key = :photo_key, version = :version, updated_at = :updated_at,
                            sku = :sku, barcode = :barcode, slug = :slug, status = :status, category = :category,
                            category_key = :category_key, tags = :tags
                        WHERE id = :id AND version = :expected_version AND deleted_at IS NULL
                        """), changed.details())
                .bind("version", changed.version())
                .bind("updated_at", storable(changed.updatedAt()))
                .bind("id", changed.id().value())
                .bind("expected_version", expectedVersion)
                .execute()));
        return rows == 1;
    }

    @Override
    public boolean delete(ProductId id, long expectedVersion) {
        int rows =
                db.withHandle(h -> h.createUpdate("DELETE FROM products WHERE id = :id AND version = :expected_version")
                        .bind("id", id.value())
                        .bind("expected_version", expectedVersion)
                        .execute());
        return rows == 1;
    }

    /**
     * One conditional UPDATE (the quantity is checked and changed by the database in the same
     * statement, so concurrent adjustments queue on the row lock and each sees the one before),
     * then the row read back in the same transaction. The range check adds in bigint, so that
     * nothing overflows an integer column.
     */
    @Override
    public Optional<Product> adjustStock(ProductId id, int delta, Instant at) {
        return db.inTransaction(() -> {
            int rows = db.withHandle(h -> h.createUpdate("""
                            UPDATE products
                            SET quantity = quantity + :delta, version = version + 1,
                                updated_at = CASE WHEN updated_at > :at THEN updated_at ELSE :at END
                            WHERE id = :id AND deleted_at IS NULL
                              AND CAST(quantity AS BIGINT) + :delta BETWEEN 0 AND 2147483647
                            """)
                    .bind("delta", delta)
                    .bind("at", storable(at))
                    .bind("id", id.value())
                    .execute());
            return rows == 1 ? findById(id) : Optional.<Product>empty();
        });
    }

    @Override
    public boolean softDelete(ProductId id, long expectedVersion, Instant at) {
        int rows = db.withHandle(h -> h.createUpdate("""
                        UPDATE products
                        SET deleted_at = :at, version = version + 1,
                            updated_at = CASE WHEN updated_at > :at THEN updated_at ELSE :at END
                        WHERE id = :id AND version = :expected_version AND deleted_at IS NULL
                        """)
                .bind("at", storable(at))
                .bind("id", id.value())
                .bind("expected_version", expectedVersion)
                .execute());
        return rows == 1;
    }

    /**
     * {@code deleted_at} is the product's own, later {@code updated_at} where the clock is behind,
     * as {@link Product#deleted} has it.
     */
    @Override
    public int softDeleteAllOf(UserId owner, Instant at) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE products
                        SET deleted_at = CASE WHEN updated_at > :at THEN updated_at ELSE :at END,
                            updated_at = CASE WHEN updated_at > :at THEN updated_at ELSE :at END,
                            version = version + 1
                        WHERE owner_id = :owner_id AND deleted_at IS NULL
                        """)
                .bind("at", storable(at))
                .bind("owner_id", owner.value())
                .execute());
    }

    @Override
    public Optional<Product> findDeleted(ProductId id) {
        return db.withHandle(h -> h.createQuery(SELECT + "WHERE id = :id" + DELETED)
                .bind("id", id.value())
                .map(PRODUCT)
                .findOne());
    }

    @Override
    public boolean restore(ProductId id, long expectedVersion, Instant at) {
        int rows = db.withHandle(h -> h.createUpdate("""
                        UPDATE products
                        SET deleted_at = NULL, version = version + 1,
                            updated_at = CASE WHEN updated_at > :at THEN updated_at ELSE :at END
                        WHERE id = :id AND version = :expected_version AND deleted_at IS NOT NULL
                        """)
                .bind("at", storable(at))
                .bind("id", id.value())
                .bind("expected_version", expectedVersion)
                .execute());
        return rows == 1;
    }

    @Override
    public List<Product> deletedBefore(Instant cutoff, int limit) {
        return db.withHandle(
                h -> h.createQuery(SELECT + "WHERE deleted_at <= :cutoff ORDER BY deleted_at ASC, id ASC LIMIT :limit")
                        .bind("cutoff", cutoff)
                        .bind("limit", limit)
                        .map(PRODUCT)
                        .list());
    }

    @Override
    public ProductPage search(ProductQuery query) {
        return search(query, false);
    }

    @Override
    public ProductPage searchDeleted(ProductQuery query) {
        return search(query, true);
    }

    /**
     * Counts the matches, then reads the page, on one handle. The offset is bound as a long: a page
     * number near {@code Integer.MAX_VALUE} times the page size does not fit an int.
     */
    private ProductPage search(ProductQuery query, boolean deleted) {
        return db.withHandle(h -> {
            boolean fullText = fullText(h);
            ProductFilter filter = ProductFilter.of(query, fullText, deleted);
            long total = count(h, filter);
            List<Product> items = h.createQuery(SELECT + filter.where() + ProductFilter.orderBy(query, fullText)
                            + " LIMIT :limit OFFSET :offset")
                    .bindMap(filter.values())
                    .bind("limit", query.pageSize())
                    .bind("offset", query.offset())
                    .map(PRODUCT)
                    .list();
            return ProductPage.of(items, total, query);
        });
    }

    @Override
    public Optional<Product> findBySlug(Slug slug) {
        return db.withHandle(h -> h.createQuery(SELECT + "WHERE slug = :slug")
                .bind("slug", slug.value())
                .map(PRODUCT)
                .findOne());
    }

    @Override
    public Optional<Product> findBySku(UserId owner, Sku sku) {
        return db.withHandle(h -> h.createQuery(SELECT + "WHERE owner_id = :owner_id AND sku = :sku")
                .bind("owner_id", owner.value())
                .bind("sku", sku.value())
                .map(PRODUCT)
                .findOne());
    }

    @Override
    public Set<Slug> slugsLike(Slug base) {
        // Two index lookups: H2 reads the whole table for "slug = ? OR slug LIKE ?". A slug is only
        // [a-z0-9-], so it needs no LIKE escaping; on PostgreSQL the index serves the prefix because
        // the column collates as "C" (changeset 017).
        return db.withHandle(h -> h.createQuery(
                        "SELECT slug FROM products WHERE slug = :slug UNION ALL SELECT slug FROM products WHERE slug LIKE :prefix")
                .bind("slug", base.value())
                .bind("prefix", base.value() + "-%")
                .map((rs, ctx) -> new Slug(rs.getString("slug")))
                .set());
    }

    /** Streams the rows (in fetches of {@value #FETCH_SIZE}, PostgreSQL too inside a transaction). */
    @Override
    public void forEach(Optional<UserId> owner, Consumer<Product> action) {
        db.withHandle(h -> {
            try (var rows = h
                    .createQuery(SELECT
                            + owner.map(o -> "WHERE owner_id = :owner_id ").orElse("") + "ORDER BY id")
                    .bindMap(owner.map(o -> Map.<String, Object>of("owner_id", o.value()))
                            .orElse(Map.of()))
                    .setFetchSize(FETCH_SIZE)
                    .map(PRODUCT)
                    .stream()) {
                rows.forEach(action);
            }
            return null;
        });
    }

    /**
     * Tells which unique index a violation hit, as JdbiUserRepository does: the index name comes
     * before the offending values in both databases' messages.
     */
    private static <T> T unique(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (StatementException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql
                        && UNIQUE_VIOLATION.equals(sql.getSQLState())
                        && sql.getMessage() != null) {
                    String message = sql.getMessage().toLowerCase(Locale.ROOT);
                    int slug = message.indexOf(SLUG_INDEX);
                    int sku = message.indexOf(SKU_INDEX);
                    if (slug >= 0 && (sku < 0 || slug < sku)) {
                        throw new CatalogFailure.SlugTaken();
                    }
                    if (sku >= 0) {
                        throw new CatalogFailure.SkuTaken();
                    }
                }
            }
            throw e;
        }
    }

    private static ProductAttributes attributes(ResultSet rs) throws SQLException {
        return new ProductAttributes(
                Optional.ofNullable(rs.getString("sku")).map(Sku::new),
                Optional.ofNullable(rs.getString("barcode")).map(Barcode::new),
                Optional.ofNullable(rs.getString("slug")).map(Slug::new),
                ProductStatus.parse(rs.getString("status")),
                Optional.ofNullable(rs.getString("category")).map(Category::new),
                Tags.parseDelimited(rs.getString("tags")));
    }

    /** The stored form of tags: each between semicolons, so that the filter finds {@code ;tag;}. */
    static String storedTags(Tags tags) {
        return tags.isEmpty() ? "" : Tags.SEPARATOR + tags.joined() + Tags.SEPARATOR;
    }

    /**
     * Seeks with a row comparison on the ordering's column and the id, {@code (price, id) > (?, ?)},
     * which both databases compare as the {@code ORDER BY} sorts; one row more than a slice holds
     * tells whether another follows.
     */
    @Override
    public ProductSlice searchAfter(ProductQuery query, ProductCursor cursor) {
        ProductQuery ordered = query.withOrdering(cursor.ordering());
        return db.withHandle(h -> {
            boolean fullText = fullText(h);
            ProductFilter filter = ProductFilter.of(ordered, fullText);
            long total = count(h, filter);
            ProductFilter page = cursor.after()
                    .map(after -> filter.and(
                            "(" + ProductFilter.column(cursor.ordering()) + ", id) "
                                    + (cursor.ordering().descending() ? "<" : ">") + " (:after_key, :after_id)",
                            Map.of(
                                    "after_key", sortKey(cursor.ordering(), after.sortKey()),
                                    "after_id", after.id().value())))
                    .orElse(filter);
            List<Product> fetched = h.createQuery(
                            SELECT + page.where() + ProductFilter.orderBy(ordered, fullText) + " LIMIT :limit")
                    .bindMap(page.values())
                    .bind("limit", query.pageSize() + 1)
                    .map(PRODUCT)
                    .list();
            return ProductSlice.of(fetched, total, query, cursor);
        });
    }

    private static long count(Handle h, ProductFilter filter) {
        return h.createQuery("SELECT COUNT(*) FROM products" + filter.where())
                .bindMap(filter.values())
                .mapTo(Long.class)
                .one();
    }

    private static Object sortKey(ProductOrdering ordering, String key) {
        return switch (ordering.key()) {
            case PRICE -> new BigDecimal(key);
            case NAME -> key;
            case CREATED_AT -> Instant.parse(key);
            case QUANTITY -> Integer.parseInt(key);
            case RELEVANCE -> throw new IllegalArgumentException("relevance has no keyset");
        };
    }

    // PostgreSQL has the full-text column and indexes (changeset 016); H2 keeps the plain match.
    private boolean fullText(Handle h) {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = h.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL");
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
            postgres = known;
        }
        return known;
    }

    private static <S extends SqlStatement<S>> S bindDetails(S statement, ProductDetails details) {
        Optional<Photo> photo = details.photo();
        ProductAttributes attributes = details.attributes();
        statement
                .bind("sku", attributes.sku().map(Sku::value).orElse(null))
                .bind("barcode", attributes.barcode().map(Barcode::value).orElse(null))
                .bind("slug", attributes.slug().map(Slug::value).orElse(null))
                .bind("status", attributes.status().apiName())
                .bind("category", attributes.category().map(Category::value).orElse(null))
                .bind(
                        "category_key",
                        attributes.category().map(c -> lowerCase(c.value())).orElse(null))
                .bind("tags", storedTags(attributes.tags()));
        return statement
                .bind("name", details.name().value())
                .bind("name_key", lowerCase(details.name().value()))
                .bind("price", details.price().amount())
                .bind("description", details.description().value())
                .bind("description_key", lowerCase(details.description().value()))
                .bind("quantity", details.quantity().value())
                .bind(
                        "photo_url",
                        photo.filter(Photo.External.class::isInstance)
                                .map(Photo.External.class::cast)
                                .map(Photo.External::url)
                                .orElse(null))
                .bind(
                        "photo_key",
                        photo.flatMap(Photo::storedKey).map(PhotoKey::value).orElse(null));
    }

    private static Optional<Photo> photo(String url, String key) {
        if (key != null) {
            return Optional.of(Photo.stored(new PhotoKey(key)));
        }
        return Optional.ofNullable(url).map(Photo::external);
    }

    /** The form {@link ProductQuery#searchKey()} is compared with. */
    static String lowerCase(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    // Both databases keep microseconds and would round finer instants; truncating here makes what
    // add() returns equal to what is read back, and agrees with a clock that ticks in microseconds.
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
