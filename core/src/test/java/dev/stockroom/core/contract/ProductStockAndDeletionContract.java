package dev.stockroom.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductCursor;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.ProductOrdering;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProductRepository} must do for stock adjustments and soft deletion. Kept apart
 * from {@link ProductRepositoryContract} so that each stays readable; extend both. As there, each
 * test works on products of its own {@link #owner}.
 */
public abstract class ProductStockAndDeletionContract {
    private static final Instant T0 = Instant.parse("2031-06-07T08:09:10.123456Z");

    private final UserId owner = UserId.random();

    protected abstract ProductRepository products();

    @Test
    void adds_and_takes_away_stock_as_the_next_version() {
        Product added = add(10, T0);

        Product taken =
                products().adjustStock(added.id(), -3, T0.plusSeconds(1)).orElseThrow();
        Product given = products().adjustStock(added.id(), 5, T0.plusSeconds(2)).orElseThrow();

        assertThat(taken.quantity()).isEqualTo(new Quantity(7));
        assertThat(taken.version()).isEqualTo(added.version() + 1);
        assertThat(taken.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(given.quantity()).isEqualTo(new Quantity(12));
        assertThat(given.version()).isEqualTo(added.version() + 2);
        assertThat(given.name()).isEqualTo(added.name());
        assertThat(products().findById(added.id())).contains(given);
    }

    @Test
    void takes_the_stock_down_to_exactly_zero() {
        Product added = add(4, T0);

        assertThat(products().adjustStock(added.id(), -4, T0).orElseThrow().quantity())
                .isEqualTo(new Quantity(0));
    }

    @Test
    void never_takes_the_stock_below_zero() {
        Product added = add(2, T0);

        Optional<Product> refused = products().adjustStock(added.id(), -3, T0.plusSeconds(1));

        assertThat(refused).isEmpty();
        assertThat(products().findById(added.id())).contains(added);
    }

    @Test
    void never_takes_the_stock_above_the_largest_quantity() {
        Product added = add(Integer.MAX_VALUE - 1, T0);

        assertThat(products().adjustStock(added.id(), 2, T0)).isEmpty();
        assertThat(products().adjustStock(added.id(), Integer.MAX_VALUE, T0)).isEmpty();
        assertThat(products().findById(added.id())).contains(added);
        assertThat(products().adjustStock(added.id(), 1, T0).orElseThrow().quantity())
                .isEqualTo(new Quantity(Integer.MAX_VALUE));
    }

    @Test
    void keeps_updated_at_when_the_clock_is_behind() {
        Product added = add(1, T0);

        Product adjusted =
                products().adjustStock(added.id(), 1, T0.minusSeconds(60)).orElseThrow();

        assertThat(adjusted.updatedAt()).isEqualTo(T0);
    }

    @Test
    void adjusts_no_missing_or_deleted_product() {
        Product added = add(5, T0);
        products().softDelete(added.id(), added.version(), T0.plusSeconds(1));

        assertThat(products().adjustStock(added.id(), -1, T0.plusSeconds(2))).isEmpty();
        assertThat(products().adjustStock(new ProductId(Long.MAX_VALUE), 1, T0)).isEmpty();
        assertThat(products().findDeleted(added.id()).orElseThrow().quantity()).isEqualTo(new Quantity(5));
    }

    @Test
    void loses_none_of_many_concurrent_adjustments_and_never_oversells() throws Exception {
        Product added = add(10, T0);

        List<Optional<Product>> results = Race.run(20, () -> products().adjustStock(added.id(), -1, T0));

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(10);
        Product after = products().findById(added.id()).orElseThrow();
        assertThat(after.quantity()).isEqualTo(new Quantity(0));
        assertThat(after.version()).isEqualTo(added.version() + 10);
    }

    @Test
    void soft_deletes_at_the_expected_version_keeping_every_field() {
        Product added = products()
                .add(new NewProduct(
                        owner,
                        new ProductDetails(
                                new ProductName("kept"),
                                Price.parse("4.20"),
                                new Description("still here"),
                                new Quantity(3),
                                Optional.of(Photo.stored(new PhotoKey("0123456789abcdef0123456789abcdef.png")))),
                        T0));

        boolean deleted = products().softDelete(added.id(), added.version(), T0.plusSeconds(5));

        assertThat(deleted).isTrue();
        assertThat(products().findById(added.id())).isEmpty();
        assertThat(products().findByIdForUpdate(added.id())).isEmpty();
        Product found = products().findDeleted(added.id()).orElseThrow();
        assertThat(found.deletedAt()).contains(T0.plusSeconds(5));
        assertThat(found.details()).isEqualTo(added.details());
        assertThat(found.version()).isEqualTo(added.version() + 1);
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(found).isEqualTo(added.deleted(T0.plusSeconds(5)));
    }

    @Test
    void refuses_to_soft_delete_twice_or_at_a_stale_version() {
        Product added = add(1, T0);
        Product changed = added.withDetails(added.details().withQuantity(new Quantity(2)), T0.plusSeconds(1));
        products().update(changed, added.version());

        assertThat(products().softDelete(added.id(), added.version(), T0.plusSeconds(2)))
                .isFalse();
        assertThat(products().softDelete(added.id(), changed.version(), T0.plusSeconds(2)))
                .isTrue();
        assertThat(products().softDelete(added.id(), changed.version() + 1, T0.plusSeconds(3)))
                .isFalse();
        assertThat(products().softDelete(new ProductId(Long.MAX_VALUE), 1, T0)).isFalse();
    }

    @Test
    void updates_no_soft_deleted_product() {
        Product added = add(1, T0);
        products().softDelete(added.id(), added.version(), T0.plusSeconds(1));
        Product deleted = products().findDeleted(added.id()).orElseThrow();

        boolean updated = products()
                .update(
                        deleted.withDetails(deleted.details().withQuantity(new Quantity(9)), T0.plusSeconds(2)),
                        deleted.version());

        assertThat(updated).isFalse();
        assertThat(products().findDeleted(added.id())).contains(deleted);
    }

    @Test
    void lists_soft_deleted_products_only_among_the_deleted() {
        Product live = add(1, T0);
        Product gone = add(1, T0.plusSeconds(1));
        products().softDelete(gone.id(), gone.version(), T0.plusSeconds(2));

        assertThat(ids(products().search(mine()))).containsExactly(live.id());
        assertThat(products().search(mine()).total()).isEqualTo(1);
        assertThat(ids(products().searchDeleted(mine()))).containsExactly(gone.id());
        assertThat(products().searchDeleted(mine()).total()).isEqualTo(1);
        assertThat(products().searchDeleted(mine()).items().get(0).deletedAt()).contains(T0.plusSeconds(2));
        ProductSlice walk = products().searchAfter(mine(), ProductCursor.start(ProductOrdering.PRICE));
        assertThat(walk.items()).extracting(Product::id).containsExactly(live.id());
        assertThat(walk.total()).isEqualTo(1);
        assertThat(products().searchDeleted(mine().withSearch("no such name")).total())
                .isZero();
    }

    @Test
    void restores_a_soft_deleted_product_as_the_next_version() {
        Product added = add(6, T0);
        products().softDelete(added.id(), added.version(), T0.plusSeconds(1));
        Product deleted = products().findDeleted(added.id()).orElseThrow();

        assertThat(products().restore(added.id(), deleted.version() + 1, T0.plusSeconds(2)))
                .isFalse();
        boolean restored = products().restore(added.id(), deleted.version(), T0.plusSeconds(2));

        assertThat(restored).isTrue();
        Product found = products().findById(added.id()).orElseThrow();
        assertThat(found.deletedAt()).isEmpty();
        assertThat(found.version()).isEqualTo(deleted.version() + 1);
        assertThat(found.details()).isEqualTo(added.details());
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(products().findDeleted(added.id())).isEmpty();
        assertThat(products().restore(added.id(), found.version(), T0.plusSeconds(3)))
                .isFalse();
    }

    @Test
    void soft_deletes_every_live_product_of_one_owner_only() {
        Product first = add(1, T0);
        Product second = add(2, T0);
        Product already = add(3, T0);
        products().softDelete(already.id(), already.version(), T0.plusSeconds(1));
        Product stranger = products().add(new NewProduct(UserId.random(), details(1), T0));

        int deleted = products().softDeleteAllOf(owner, T0.plusSeconds(10));

        assertThat(deleted).isEqualTo(2);
        assertThat(products().search(mine()).total()).isZero();
        assertThat(products().findDeleted(first.id()).orElseThrow().deletedAt()).contains(T0.plusSeconds(10));
        assertThat(products().findDeleted(second.id()).orElseThrow().version()).isEqualTo(second.version() + 1);
        assertThat(products().findDeleted(already.id()).orElseThrow().deletedAt())
                .contains(T0.plusSeconds(1));
        assertThat(products().findById(stranger.id())).contains(stranger);
        assertThat(products().softDeleteAllOf(owner, T0.plusSeconds(20))).isZero();
    }

    @Test
    void finds_products_deleted_before_a_cutoff_earliest_first_and_removes_them_for_good() {
        // Far in the past, before anything another test deletes.
        Instant early = Instant.parse("1971-01-01T00:00:00Z");
        Product older = add(1, early);
        Product newer = add(1, early);
        Product recent = add(1, early);
        Product live = add(1, early);
        products().softDelete(newer.id(), newer.version(), early.plusSeconds(20));
        products().softDelete(older.id(), older.version(), early.plusSeconds(10));
        products().softDelete(recent.id(), recent.version(), early.plusSeconds(40));

        List<Product> due = products().deletedBefore(early.plusSeconds(20), 100);

        assertThat(due).extracting(Product::id).containsExactly(older.id(), newer.id());
        assertThat(products().deletedBefore(early.plusSeconds(20), 1))
                .extracting(Product::id)
                .containsExactly(older.id());
        assertThat(due).noneMatch(p -> p.id().equals(live.id()));
        assertThat(products().delete(older.id(), due.get(0).version())).isTrue();
        assertThat(products().findDeleted(older.id())).isEmpty();
        assertThat(products().deletedBefore(early.plusSeconds(20), 100))
                .extracting(Product::id)
                .containsExactly(newer.id());
    }

    private ProductQuery mine() {
        return ProductQuery.all().withOwner(owner);
    }

    private Product add(int quantity, Instant at) {
        return products().add(new NewProduct(owner, details(quantity), at));
    }

    private static ProductDetails details(int quantity) {
        return new ProductDetails(
                new ProductName("Stocked"),
                Price.parse("1.00"),
                Description.EMPTY,
                new Quantity(quantity),
                Optional.empty());
    }

    private static List<ProductId> ids(dev.stockroom.core.catalog.domain.ProductPage page) {
        return page.items().stream().map(Product::id).toList();
    }
}
