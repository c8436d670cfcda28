package dev.stockroom.adapters.persistence.catalog;

import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.catalog.domain.ImageId;
import dev.stockroom.core.catalog.domain.NewProductImage;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Product images in the {@code product_images} table; the rows go with their product (ON DELETE CASCADE). */
public final class JdbiProductImageRepository implements ProductImageRepository {
    private static final String SELECT = """
            SELECT id, product_id, list_position, original_key, small_key, medium_key
            FROM product_images
            """;
    private static final String ORDER = " ORDER BY product_id, list_position, id";
    private static final RowMapper<ProductImage> IMAGE = (rs, ctx) -> new ProductImage(
            new ImageId(rs.getLong("id")),
            new ProductId(rs.getLong("product_id")),
            rs.getInt("list_position"),
            new PhotoKey(rs.getString("original_key")),
            new PhotoKey(rs.getString("small_key")),
            new PhotoKey(rs.getString("medium_key")));

    private final JdbiTransactions db;

    public JdbiProductImageRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public ProductImage add(NewProductImage image) {
        long id = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO product_images (product_id, list_position, original_key, small_key, medium_key)
                        VALUES (:product_id, :list_position, :original_key, :small_key, :medium_key)
                        """)
                .bind("product_id", image.product().value())
                .bind("list_position", image.position())
                .bind("original_key", image.original().value())
                .bind("small_key", image.small().value())
                .bind("medium_key", image.medium().value())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return image.withId(new ImageId(id));
    }

    @Override
    public List<ProductImage> imagesOf(ProductId product) {
        return db.withHandle(h -> h.createQuery(SELECT + "WHERE product_id = :product_id" + ORDER)
                .bind("product_id", product.value())
                .map(IMAGE)
                .list());
    }

    @Override
    public Map<ProductId, List<ProductImage>> imagesOf(Collection<ProductId> products) {
        Map<ProductId, List<ProductImage>> found = new LinkedHashMap<>();
        if (products.isEmpty()) {
            return found;
        }
        List<Long> ids = products.stream().map(ProductId::value).distinct().toList();
        // Named parameters spelled out: the server runs JDBI without its template engine (no <list>).
        StringBuilder in = new StringBuilder();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? ":id" : ", :id").append(i);
            values.put("id" + i, ids.get(i));
        }
        db.withHandle(h -> h.createQuery(SELECT + "WHERE product_id IN (" + in + ")" + ORDER)
                        .bindMap(values)
                        .map(IMAGE)
                        .list())
                .forEach(image -> found.computeIfAbsent(image.product(), p -> new ArrayList<>())
                        .add(image));
        found.replaceAll((p, list) -> List.copyOf(list));
        return found;
    }

    @Override
    public void reposition(ProductId product, List<ImageId> order) {
        if (order.isEmpty()) {
            return;
        }
        db.withHandle(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    UPDATE product_images SET list_position = :list_position
                    WHERE id = :id AND product_id = :product_id
                    """);
            for (int i = 0; i < order.size(); i++) {
                batch.bind("list_position", i)
                        .bind("id", order.get(i).value())
                        .bind("product_id", product.value())
                        .add();
            }
            return batch.execute();
        });
    }

    @Override
    public boolean delete(ProductId product, ImageId image) {
        int rows = db.withHandle(
                h -> h.createUpdate("DELETE FROM product_images WHERE id = :id AND product_id = :product_id")
                        .bind("id", image.value())
                        .bind("product_id", product.value())
                        .execute());
        return rows == 1;
    }

    @Override
    public List<ProductImage> deleteAllOf(ProductId product) {
        return db.withHandle(h -> {
            List<ProductImage> removed = h.createQuery(SELECT + "WHERE product_id = :product_id" + ORDER)
                    .bind("product_id", product.value())
                    .map(IMAGE)
                    .list();
            h.createUpdate("DELETE FROM product_images WHERE product_id = :product_id")
                    .bind("product_id", product.value())
                    .execute();
            return removed;
        });
    }
}
