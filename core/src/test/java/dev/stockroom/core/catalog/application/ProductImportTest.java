package dev.stockroom.core.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.Sku;
import dev.stockroom.core.catalog.port.in.AttributeChanges;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.ImportReport;
import dev.stockroom.core.catalog.port.in.ProductDraft;
import dev.stockroom.core.catalog.port.in.ProductImport;
import dev.stockroom.core.catalog.port.in.ProductImport.Mode;
import dev.stockroom.core.catalog.port.in.ProductImport.RowError;
import dev.stockroom.core.catalog.port.in.ProductPatch;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.testing.InMemoryPhotoStore;
import dev.stockroom.core.testing.InMemoryProductRepository;
import dev.stockroom.core.testing.InMemoryTransactions;
import dev.stockroom.core.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Catalog#importProducts} on the in-memory stores, whose transactions roll back for real. */
class ProductImportTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2031-05-04T03:02:01Z"));
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryProductRepository products = new InMemoryProductRepository(transactions);
    private final Catalog catalog =
            new CatalogService(products, new InMemoryPhotoStore(), transactions, clock, CatalogPolicy.defaults());
    private final AuthenticatedUser alice = caller(AuthStatus.VERIFIED, Role.USER);
    private final AuthenticatedUser bob = caller(AuthStatus.VERIFIED, Role.USER);

    @ParameterizedTest
    @EnumSource(Mode.class)
    void creates_rows_with_a_new_sku_and_changes_the_callers_products_that_have_one(Mode mode) {
        add(alice, "A-1", "Kettle", "10");
        add(alice, "A-2", "Mug", "3");

        ImportReport report = run(
                alice,
                mode,
                false,
                row(1, "A-1", "Kettle", "12.50"),
                row(2, "A-2", "Mug", "3"),
                row(3, "A-3", "Teapot", "20"),
                row(4, null, "Spoon", "1"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.applied()).isTrue();
        assertThat(List.of(report.created(), report.updated(), report.unchanged()))
                .containsExactly(2, 1, 1);
        assertThat(bySku(alice, "A-1").price()).isEqualTo(Price.parse("12.50"));
        assertThat(bySku(alice, "A-3").owner()).isEqualTo(alice.userId());
        assertThat(all()).hasSize(4);
    }

    @Test
    void all_or_nothing_applies_nothing_when_a_row_is_bad_and_reports_every_error() {
        add(alice, "A-1", "Kettle", "10");

        ImportReport report = run(
                alice,
                Mode.ALL_OR_NOTHING,
                false,
                row(1, "A-1", "Kettle", "11"),
                row(2, "A-2", "", "-1"),
                row(3, "A-3", "Teapot", "20"),
                row(4, "not a sku!", "Cup", "2"));

        assertThat(report.applied()).isFalse();
        assertThat(report.errors())
                .extracting(RowError::row, e -> e.column().orElse(""))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "name"),
                        org.assertj.core.groups.Tuple.tuple(2, "price"),
                        org.assertj.core.groups.Tuple.tuple(4, "sku"));
        // The counts say what the good rows would have done.
        assertThat(List.of(report.created(), report.updated())).containsExactly(1, 1);
        assertThat(bySku(alice, "A-1").price()).isEqualTo(Price.parse("10"));
        assertThat(all()).hasSize(1);
    }

    @Test
    void per_row_applies_the_good_rows_and_reports_the_bad_ones() {
        ImportReport report = run(
                alice,
                Mode.PER_ROW,
                false,
                row(1, "A-1", "Kettle", "11"),
                row(2, "A-2", "Mug", "abc"),
                row(3, "A-3", "Teapot", "20"));

        assertThat(report.applied()).isTrue();
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.errors()).containsExactly(new RowError(2, Optional.of("price"), priceError("abc")));
        assertThat(all())
                .extracting(p -> p.attributes().sku().orElseThrow().value())
                .containsExactlyInAnyOrder("A-1", "A-3");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_dry_run_counts_as_the_real_import_would_and_changes_nothing(Mode mode) {
        add(alice, "A-1", "Kettle", "10");
        ProductImport.Row[] rows = {row(1, "A-1", "Kettle", "11"), row(2, "A-2", "Mug", "2"), row(3, "A-2", "Cup", "1")
        };

        ImportReport dry = run(alice, mode, true, rows);

        assertThat(dry.applied()).isFalse();
        assertThat(dry.options().dryRun()).isTrue();
        assertThat(List.of(dry.created(), dry.updated(), dry.unchanged())).containsExactly(1, 1, 0);
        assertThat(dry.errors())
                .containsExactly(new RowError(3, Optional.of("sku"), "The same SKU is in row 2 already."));
        assertThat(all()).hasSize(1);
        assertThat(bySku(alice, "A-1").price()).isEqualTo(Price.parse("10"));
        ImportReport real = run(alice, Mode.PER_ROW, false, rows);
        assertThat(List.of(real.created(), real.updated(), real.unchanged())).containsExactly(1, 1, 0);
    }

    @Test
    void matches_skus_only_among_the_callers_own_products() {
        add(bob, "S-1", "Bob's kettle", "10");

        ImportReport report = run(alice, Mode.ALL_OR_NOTHING, false, row(1, "S-1", "Alice's kettle", "12"));

        assertThat(report.created()).isEqualTo(1);
        assertThat(bySku(bob, "S-1").name().value()).isEqualTo("Bob's kettle");
        assertThat(bySku(alice, "S-1").name().value()).isEqualTo("Alice's kettle");
    }

    @Test
    void a_row_naming_a_deleted_product_by_sku_is_an_error() {
        Product deleted = add(alice, "A-1", "Kettle", "10");
        catalog.delete(alice, deleted.id());

        ImportReport report = run(alice, Mode.PER_ROW, false, row(1, "A-1", "Kettle", "11"));

        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.column()).contains("sku");
            assertThat(e.message()).contains("restore it first");
        });
    }

    @Test
    void a_taken_slug_is_an_error_of_its_row() {
        catalog.add(bob, ProductDraft.of("Kettle", "1", null, "1", null), Optional.empty());
        ProductImport.Row taken = new TestRow(1, "A-1", "Kettle", "2") {
            @Override
            public ProductDraft draft() {
                return ProductDraft.of(
                        "Kettle",
                        "2",
                        null,
                        "1",
                        null,
                        v -> AttributeChanges.builder(v)
                                .sku("A-1")
                                .slug("kettle")
                                .changes());
            }
        };

        ImportReport report = run(alice, Mode.ALL_OR_NOTHING, false, taken);

        assertThat(report.errors())
                .containsExactly(new RowError(1, Optional.of("slug"), "Already used by another product."));
    }

    @Test
    void a_new_account_is_refused_before_any_row_is_read() {
        AtomicInteger reads = new AtomicInteger();
        AuthenticatedUser unverified = caller(AuthStatus.NEW, Role.USER);

        assertThatThrownBy(() -> catalog.importProducts(
                        unverified, sink -> reads.incrementAndGet(), new ProductImport.Options(Mode.PER_ROW, false)))
                .isInstanceOf(CatalogFailure.VerificationRequired.class);
        assertThat(reads).hasValue(0);
    }

    @Test
    void an_import_repeated_after_a_conflict_counts_each_row_once() {
        AtomicInteger passes = new AtomicInteger();
        ProductImport.Source conflictingOnce = sink -> {
            sink.accept(row(1, "A-1", "Kettle", "1"));
            sink.accept(row(2, "A-2", "Mug", "2"));
            if (passes.incrementAndGet() == 1) {
                throw new dev.stockroom.core.shared.Conflict("a concurrent writer", null);
            }
        };

        ImportReport report =
                catalog.importProducts(alice, conflictingOnce, new ProductImport.Options(Mode.ALL_OR_NOTHING, false));

        assertThat(passes).hasValue(2);
        assertThat(report.created()).isEqualTo(2);
        assertThat(all()).hasSize(2);
    }

    @Test
    void per_row_redoes_a_chunk_row_by_row_when_the_store_refuses_one_of_its_writes() {
        ProductRepository racing = mock(ProductRepository.class, delegatesTo(products));
        doAnswer(call -> {
                    NewProduct product = call.getArgument(0);
                    if (product.details().name().value().equals("Row 120")) {
                        // as when a concurrent request took the SKU after it was checked
                        throw new CatalogFailure.SkuTaken();
                    }
                    return products.add(product);
                })
                .when(racing)
                .add(any());
        Catalog importing =
                new CatalogService(racing, new InMemoryPhotoStore(), transactions, clock, CatalogPolicy.defaults());
        ProductImport.Row[] rows = new ProductImport.Row[250];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(i + 1, "R-" + (i + 1), "Row " + (i + 1), "1");
        }

        ImportReport report = importing.importProducts(
                alice,
                sink -> java.util.Arrays.stream(rows).forEach(sink),
                new ProductImport.Options(Mode.PER_ROW, false));

        assertThat(report.created()).isEqualTo(249);
        assertThat(report.errors())
                .containsExactly(new RowError(120, Optional.of("sku"), "Already used by another of your products."));
        assertThat(products.search(ProductQuery.all()).total()).isEqualTo(249);
    }

    private ImportReport run(AuthenticatedUser caller, Mode mode, boolean dryRun, ProductImport.Row... rows) {
        return catalog.importProducts(
                caller,
                sink -> {
                    for (ProductImport.Row row : rows) {
                        sink.accept(row);
                    }
                },
                new ProductImport.Options(mode, dryRun));
    }

    private Product add(AuthenticatedUser owner, String sku, String name, String price) {
        return catalog.add(owner, row(0, sku, name, price).draft(), Optional.empty());
    }

    private Product bySku(AuthenticatedUser owner, String sku) {
        return products.findBySku(owner.userId(), new Sku(sku)).orElseThrow();
    }

    private List<Product> all() {
        return products.search(ProductQuery.all().withPage(1, ProductQuery.MAX_PAGE_SIZE))
                .items();
    }

    private static String priceError(String text) {
        try {
            Price.parse(text);
            throw new AssertionError(text + " is a price");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static ProductImport.Row row(int number, String sku, String name, String price) {
        return new TestRow(number, sku, name, price);
    }

    /** A row giving name, price, quantity 1 and, when not null, an SKU: as an edge reads a file. */
    private static class TestRow implements ProductImport.Row {
        private final int number;
        private final String sku;
        private final String name;
        private final String price;

        TestRow(int number, String sku, String name, String price) {
            this.number = number;
            this.sku = sku;
            this.name = name;
            this.price = price;
        }

        @Override
        public int number() {
            return number;
        }

        @Override
        public Optional<String> sku() {
            return Optional.ofNullable(sku);
        }

        @Override
        public ProductDraft draft() {
            return ProductDraft.of(name, price, null, "1", null, v -> {
                AttributeChanges.Builder attributes = AttributeChanges.builder(v);
                if (sku != null) {
                    attributes.sku(sku);
                }
                return attributes.changes();
            });
        }

        @Override
        public ProductPatch patch() {
            ProductPatch.Builder patch = ProductPatch.builder().name(name).price(price);
            return patch.build();
        }
    }

    private static AuthenticatedUser caller(AuthStatus status, Role role) {
        UserId id = UserId.random();
        return new AuthenticatedUser(
                id,
                SessionId.random(),
                SessionKind.LOGIN,
                new Username("user-" + id.toString().substring(0, 8)),
                status,
                role);
    }
}
