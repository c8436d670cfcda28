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
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link ProductRepository} must do, the list query above all. Extend it and hand in
 * the adapter under test.
 *
 * <p>A store may be shared by a whole test class or JVM, and the list query sees every product in
 * it, so each test adds products of its own {@link #owner} and lists with the owner filter (JUnit
 * makes a new instance, hence a new owner, for every test).
 */
public abstract class ProductRepositoryContract {
    /** A moment with microseconds, the finest precision PostgreSQL and H2 keep. */
    private static final Instant T0 = Instant.parse("2031-05-04T03:02:01.123456Z");

    private final UserId owner = UserId.random();

    protected abstract ProductRepository products();

    @Test
    void gives_back_every_field_of_a_stored_product() {
        ProductDetails details = new ProductDetails(
                new ProductName("Ölkanne «Größe XL» " + unique()),
                Price.parse("9999999999.99"),
                new Description(longDescription()),
                new Quantity(Integer.MAX_VALUE),
                Optional.of(Photo.external("https://cdn.example.test/photos/kanne.png?w=800&h=600#front")));

        Product added = products().add(new NewProduct(owner, details, T0));

        assertThat(added.id().value()).isPositive();
        assertThat(added.owner()).isEqualTo(owner);
        assertThat(added.details()).isEqualTo(details);
        assertThat(added.version()).isEqualTo(Product.FIRST_VERSION);
        assertThat(added.createdAt()).isEqualTo(T0);
        assertThat(added.updatedAt()).isEqualTo(T0);
        Product found = products().findById(added.id()).orElseThrow();
        assertThat(found).isEqualTo(added);
        assertThat(found.price().toString()).isEqualTo("9999999999.99");
        assertThat(found.description().value()).hasSize(Description.MAX_LENGTH);
        assertThat(products().findByIdForUpdate(added.id())).contains(added);
        assertThat(products().findByIdForUpdate(new ProductId(added.id().value() + 1_000_000)))
                .isEmpty();
    }

    @Test
    void gives_back_the_smallest_product() {
        ProductDetails details = new ProductDetails(
                new ProductName("x"), Price.ZERO, Description.EMPTY, new Quantity(0), Optional.empty());

        Product added = products().add(new NewProduct(owner, details, T0));

        Product found = products().findById(added.id()).orElseThrow();
        assertThat(found).isEqualTo(added);
        assertThat(found.price().toString()).isEqualTo("0.00");
        assertThat(found.description()).isEqualTo(Description.EMPTY);
        assertThat(found.photo()).isEmpty();
    }

    @Test
    void gives_back_a_stored_photo() {
        PhotoKey key = new PhotoKey("0123456789abcdef0123456789abcdef.webp");
        Product added = add("with stored photo", "1.00", 1, T0);
        Product changed = added.withPhoto(Optional.of(Photo.stored(key)), T0.plusSeconds(1));

        products().update(changed, added.version());

        assertThat(products().findById(added.id()).orElseThrow().photo()).contains(Photo.stored(key));
    }

    @Test
    void generates_a_new_id_for_every_product() {
        Product first = add("first", "1.00", 1, T0);
        Product second = add("second", "1.00", 1, T0);

        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void finds_nothing_for_an_unknown_id() {
        assertThat(products().findById(new ProductId(Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void updates_every_field_when_the_version_matches() {
        Product added = add("before", "1.00", 1, T0);
        Product changed = added.withDetails(
                new ProductDetails(
                        new ProductName("after"),
                        Price.parse("2.50"),
                        new Description("now described"),
                        new Quantity(7),
                        Optional.of(Photo.external("http://example.test/a.jpg"))),
                T0.plus(Duration.ofHours(1)));

        boolean updated = products().update(changed, added.version());

        assertThat(updated).isTrue();
        Product found = products().findById(added.id()).orElseThrow();
        assertThat(found).isEqualTo(changed);
        assertThat(found.version()).isEqualTo(added.version() + 1);
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(found.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void clears_description_and_photo_on_update() {
        Product added = products()
                .add(new NewProduct(
                        owner,
                        new ProductDetails(
                                new ProductName("full"),
                                Price.parse("3.00"),
                                new Description("text"),
                                new Quantity(3),
                                Optional.of(Photo.external("https://example.test/p.gif"))),
                        T0));
        Product cleared = added.withDetails(
                new ProductDetails(added.name(), added.price(), Description.EMPTY, added.quantity(), Optional.empty()),
                T0.plusSeconds(1));

        products().update(cleared, added.version());

        Product found = products().findById(added.id()).orElseThrow();
        assertThat(found.description()).isEqualTo(Description.EMPTY);
        assertThat(found.photo()).isEmpty();
    }

    @Test
    void refuses_an_update_at_a_stale_version() {
        Product added = add("original", "1.00", 1, T0);
        Product first = added.withDetails(renamed(added, "first"), T0.plusSeconds(1));
        Product second = added.withDetails(renamed(added, "second"), T0.plusSeconds(2));
        products().update(first, added.version());

        boolean updated = products().update(second, added.version());

        assertThat(updated).isFalse();
        assertThat(products().findById(added.id())).contains(first);
    }

    @Test
    void refuses_an_update_of_a_missing_product() {
        Product added = add("gone", "1.00", 1, T0);
        products().delete(added.id(), added.version());

        boolean updated = products().update(added.withDetails(renamed(added, "back"), T0), added.version());

        assertThat(updated).isFalse();
        assertThat(products().findById(added.id())).isEmpty();
    }

    @Test
    void lets_exactly_one_of_several_concurrent_updates_of_one_version_in() throws Exception {
        Product added = add("contested", "1.00", 1, T0);

        List<Boolean> results = Race.run(
                8,
                () -> products()
                        .update(
                                added.withDetails(renamed(added, "writer " + unique()), T0.plusSeconds(1)),
                                added.version()));

        assertThat(results).containsOnlyOnce(true);
        assertThat(products().findById(added.id()).orElseThrow().version()).isEqualTo(added.version() + 1);
    }

    @Test
    void deletes_at_the_expected_version() {
        Product added = add("doomed", "1.00", 1, T0);

        boolean deleted = products().delete(added.id(), added.version());

        assertThat(deleted).isTrue();
        assertThat(products().findById(added.id())).isEmpty();
        assertThat(products().search(mine()).total()).isZero();
        assertThat(products().delete(added.id(), added.version())).isFalse();
    }

    @Test
    void keeps_a_product_whose_version_moved_on() {
        Product added = add("survivor", "1.00", 1, T0);
        Product changed = added.withDetails(renamed(added, "changed"), T0.plusSeconds(1));
        products().update(changed, added.version());

        boolean deleted = products().delete(added.id(), added.version());

        assertThat(deleted).isFalse();
        assertThat(products().findById(added.id())).contains(changed);
    }

    @Test
    void refuses_to_delete_an_unknown_product() {
        assertThat(products().delete(new ProductId(Long.MAX_VALUE), Product.FIRST_VERSION))
                .isFalse();
    }

    @Test
    void lists_only_the_owners_products_with_the_owner_filter() {
        Product mine = add("mine", "1.00", 1, T0);
        UserId stranger = UserId.random();
        Product theirs = products().add(new NewProduct(stranger, details("theirs", "1.00", 1), T0));

        assertThat(ids(products().search(mine()))).containsExactly(mine.id());
        assertThat(ids(products().search(ProductQuery.all().withOwner(stranger))))
                .containsExactly(theirs.id());
    }

    @Test
    void lists_every_owners_products_without_the_owner_filter() {
        // Later than anything another test adds; equal times fall back to the newest id first.
        Instant latest = Instant.parse("2999-12-31T23:59:59.999999Z");
        Product mine = add("mine", "1.00", 1, latest);
        Product theirs = products().add(new NewProduct(UserId.random(), details("theirs", "1.00", 1), latest));

        ProductPage newest = products().search(ProductQuery.all().withPage(1, 2));

        assertThat(ids(newest)).containsExactly(theirs.id(), mine.id());
        assertThat(newest.total()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void searches_names_without_regard_to_case() {
        String token = unique();
        Product match = add("Red KETTLE " + token, "1.00", 1, T0);
        add("Blue teapot", "1.00", 1, T0);

        assertThat(ids(products().search(mine().withSearch("kettle")))).containsExactly(match.id());
        assertThat(ids(products().search(mine().withSearch("red kettle " + token.toUpperCase(Locale.ROOT)))))
                .containsExactly(match.id());
    }

    @Test
    void searches_descriptions_without_regard_to_case() {
        Product match = products()
                .add(new NewProduct(
                        owner,
                        new ProductDetails(
                                new ProductName("Kettle"),
                                Price.parse("1.00"),
                                new Description("Boils water.\nStainless STEEL body."),
                                new Quantity(1),
                                Optional.empty()),
                        T0));
        add("Steel-free teapot", "1.00", 1, T0);
        add("Mug", "1.00", 1, T0);

        assertThat(ids(products().search(mine().withSearch("stainless steel")))).containsExactly(match.id());
        assertThat(ids(products().search(mine().withSearch("steel")))).hasSize(2);
    }

    @Test
    void matches_percent_underscore_and_backslash_literally() {
        Product percent = add("50% off", "1.00", 1, T0);
        add("500 off", "1.00", 1, T0);
        Product underscore = add("snake_case", "1.00", 1, T0);
        add("snakeXcase", "1.00", 1, T0);
        Product backslash = add("C:\\temp", "1.00", 1, T0);
        add("C:temp", "1.00", 1, T0);

        assertThat(ids(products().search(mine().withSearch("50%")))).containsExactly(percent.id());
        assertThat(ids(products().search(mine().withSearch("e_c")))).containsExactly(underscore.id());
        assertThat(ids(products().search(mine().withSearch(":\\t")))).containsExactly(backslash.id());
        assertThat(products().search(mine().withSearch("%")).total()).isEqualTo(1);
        assertThat(products().search(mine().withSearch("_")).total()).isEqualTo(1);
    }

    @Test
    void filters_by_an_inclusive_price_range() {
        Product free = add("free", "0.00", 1, T0);
        Product cheap = add("cheap", "9.99", 1, T0);
        Product ten = add("ten", "10.00", 1, T0);
        Product dear = add("dear", "100.00", 1, T0);
        Optional<Price> noBound = Optional.empty();

        assertThat(ids(products().search(mine().withPriceRange(Optional.of(Price.parse("9.99")), noBound))))
                .containsExactlyInAnyOrder(cheap.id(), ten.id(), dear.id());
        assertThat(ids(products().search(mine().withPriceRange(noBound, Optional.of(Price.parse("10"))))))
                .containsExactlyInAnyOrder(free.id(), cheap.id(), ten.id());
        assertThat(ids(products()
                        .search(mine().withPriceRange(
                                        Optional.of(Price.parse("10")), Optional.of(Price.parse("10.00"))))))
                .containsExactly(ten.id());
        assertThat(products()
                        .search(mine().withPriceRange(
                                        Optional.of(Price.parse("10.01")), Optional.of(Price.parse("99.99"))))
                        .total())
                .isZero();
    }

    @Test
    void filters_by_stock() {
        Product soldOut = add("sold out", "1.00", 0, T0);
        Product one = add("last one", "1.00", 1, T0);
        Product many = add("plenty", "1.00", 500, T0);

        assertThat(ids(products().search(mine().withInStock(Optional.of(true)))))
                .containsExactlyInAnyOrder(one.id(), many.id());
        assertThat(ids(products().search(mine().withInStock(Optional.of(false)))))
                .containsExactly(soldOut.id());
    }

    @Test
    void combines_every_filter() {
        String token = unique();
        Product wanted = add("Lamp " + token, "25.00", 3, T0);
        add("Lamp " + token + " sold out", "25.00", 0, T0);
        add("Lamp " + token + " too dear", "250.00", 3, T0);
        add("Chair", "25.00", 3, T0);

        ProductPage page = products()
                .search(mine().withSearch(token)
                        .withPriceRange(Optional.of(Price.parse("20")), Optional.of(Price.parse("30")))
                        .withInStock(Optional.of(true)));

        assertThat(ids(page)).containsExactly(wanted.id());
        assertThat(page.total()).isEqualTo(1);
    }

    /**
     * Four products whose order differs by every key: prices and quantities that sort differently
     * as text and as numbers, names whose order depends on case being ignored, creation times out
     * of insertion order.
     */
    @ParameterizedTest
    @EnumSource(value = ProductOrdering.class, mode = EnumSource.Mode.EXCLUDE, names = "RELEVANCE")
    void orders_by(ProductOrdering ordering) {
        Product a = add("cherry", "10.00", 9, T0.plusSeconds(40));
        Product b = add("apple", "100.00", 100, T0.plusSeconds(20));
        Product c = add("Date", "9.00", 10, T0.plusSeconds(30));
        Product d = add("Banana", "20.00", 1000, T0.plusSeconds(10));
        List<Product> ascending = switch (ordering.key()) {
            case PRICE -> List.of(c, a, d, b);
            case NAME -> List.of(b, d, a, c);
            case CREATED_AT -> List.of(d, b, c, a);
            case QUANTITY -> List.of(a, c, b, d);
            case RELEVANCE -> throw new IllegalArgumentException("relevance has tests of its own");
        };
        List<ProductId> expected =
                new ArrayList<>(ascending.stream().map(Product::id).toList());
        if (ordering.descending()) {
            Collections.reverse(expected);
        }

        assertThat(ids(products().search(mine().withOrdering(ordering)))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(value = ProductOrdering.class, mode = EnumSource.Mode.EXCLUDE, names = "RELEVANCE")
    void breaks_ties_by_id_in_the_direction_of_the_ordering(ProductOrdering ordering) {
        List<ProductId> added = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            added.add(add("Same", "5.00", 5, T0).id());
        }
        List<ProductId> expected = new ArrayList<>(added.stream()
                .sorted((x, y) -> Long.compare(x.value(), y.value()))
                .toList());
        if (ordering.descending()) {
            Collections.reverse(expected);
        }

        assertThat(ids(products().search(mine().withOrdering(ordering)))).containsExactlyElementsOf(expected);
    }

    @Test
    void orders_newest_first_by_default() {
        Product older = add("older", "1.00", 1, T0);
        Product newer = add("newer", "1.00", 1, T0.plusMillis(1));

        assertThat(ids(products().search(ProductQuery.all().withOwner(owner)))).containsExactly(newer.id(), older.id());
    }

    @Test
    void pages_through_the_list_with_a_partial_last_page() {
        List<ProductId> added = addNumbered(5);

        ProductPage first =
                products().search(mine().withOrdering(ProductOrdering.PRICE).withPage(1, 2));
        ProductPage second =
                products().search(mine().withOrdering(ProductOrdering.PRICE).withPage(2, 2));
        ProductPage last =
                products().search(mine().withOrdering(ProductOrdering.PRICE).withPage(3, 2));

        assertThat(ids(first)).containsExactlyElementsOf(added.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(added.subList(2, 4));
        assertThat(ids(last)).containsExactlyElementsOf(added.subList(4, 5));
        assertThat(List.of(first.total(), second.total(), last.total())).containsOnly(5L);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(last.hasPrevious()).isTrue();
        assertThat(last.hasNext()).isFalse();
        assertThat(last.page()).isEqualTo(3);
        assertThat(last.pageSize()).isEqualTo(2);
    }

    @Test
    void ends_exactly_on_a_full_last_page() {
        List<ProductId> added = addNumbered(4);

        ProductPage last =
                products().search(mine().withOrdering(ProductOrdering.PRICE).withPage(2, 2));

        assertThat(ids(last)).containsExactlyElementsOf(added.subList(2, 4));
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void has_no_items_past_the_last_page_but_the_right_total() {
        addNumbered(3);

        ProductPage beyond = products().search(mine().withPage(3, 2));
        ProductPage farBeyond = products().search(mine().withPage(Integer.MAX_VALUE, ProductQuery.MAX_PAGE_SIZE));

        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
        assertThat(beyond.hasNext()).isFalse();
        assertThat(farBeyond.items()).isEmpty();
        assertThat(farBeyond.total()).isEqualTo(3);
    }

    @Test
    void gives_a_whole_list_on_one_page_of_the_largest_size() {
        List<ProductId> added = addNumbered(ProductQuery.MAX_PAGE_SIZE + 1);

        ProductPage first =
                products().search(mine().withOrdering(ProductOrdering.PRICE).withPage(1, ProductQuery.MAX_PAGE_SIZE));

        assertThat(ids(first)).containsExactlyElementsOf(added.subList(0, ProductQuery.MAX_PAGE_SIZE));
        assertThat(first.total()).isEqualTo(ProductQuery.MAX_PAGE_SIZE + 1);
        assertThat(first.hasNext()).isTrue();
    }

    @Test
    void counts_the_matches_of_every_page_not_just_this_one() {
        addNumbered(7);
        add("other", "1.00", 0, T0);

        ProductPage page =
                products().search(mine().withInStock(Optional.of(true)).withPage(2, 3));

        assertThat(page.total()).isEqualTo(7);
        assertThat(page.items()).hasSize(3);
    }

    @Test
    void finds_nothing_with_a_total_of_zero() {
        ProductPage page = products().search(mine().withSearch(unique()));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void orders_by_relevance_name_matches_first_then_newest() {
        String token = unique();
        Product describedNewest = addDescribed("Plain mug", "A lamp " + token + " shape", T0.plusSeconds(30));
        Product namedOlder = add("Desk lamp " + token, "1.00", 1, T0.plusSeconds(10));
        Product namedNewer = add("Floor lamp " + token, "1.00", 1, T0.plusSeconds(20));
        add("Teapot", "1.00", 1, T0.plusSeconds(40));

        List<ProductId> found =
                ids(products().search(mine().withSearch(token).withOrdering(ProductOrdering.RELEVANCE)));

        assertThat(found).containsExactly(namedNewer.id(), namedOlder.id(), describedNewest.id());
    }

    @Test
    void orders_by_relevance_without_a_search_newest_first() {
        Product older = add("older", "1.00", 1, T0);
        Product newer = add("newer", "1.00", 1, T0.plusMillis(1));

        assertThat(ids(products().search(mine().withOrdering(ProductOrdering.RELEVANCE))))
                .containsExactly(newer.id(), older.id());
    }

    /** Every ordering a keyset walks, over ties and keys that sort differently as text and as numbers. */
    @ParameterizedTest
    @EnumSource(value = ProductOrdering.class, mode = EnumSource.Mode.EXCLUDE, names = "RELEVANCE")
    void walks_the_list_by_keyset_in_the_same_order_as_pages(ProductOrdering ordering) {
        add("cherry", "10.00", 9, T0.plusSeconds(40));
        add("apple", "100.00", 100, T0.plusSeconds(20));
        add("Date", "9.00", 10, T0.plusSeconds(30));
        add("Banana", "20.00", 1000, T0.plusSeconds(10));
        add("apple", "100.00", 100, T0.plusSeconds(20));
        add("Banana", "9.00", 9, T0.plusSeconds(10));
        add("Élan", "0.50", 0, T0.plusSeconds(50));
        List<ProductId> paged = ids(products().search(mine().withOrdering(ordering)));

        List<ProductId> walked = new ArrayList<>();
        ProductCursor cursor = ProductCursor.start(ordering);
        int slices = 0;
        while (true) {
            ProductSlice slice = products().searchAfter(mine().withPage(1, 3), cursor);
            assertThat(slice.total()).isEqualTo(7);
            assertThat(slice.items()).hasSizeLessThanOrEqualTo(3);
            slice.items().forEach(p -> walked.add(p.id()));
            slices++;
            if (slice.next().isEmpty()) {
                break;
            }
            cursor = ProductCursor.parse(slice.next().get().token(), ordering);
        }

        assertThat(walked).containsExactlyElementsOf(paged);
        assertThat(slices).isEqualTo(3);
    }

    @Test
    void keeps_its_place_in_a_keyset_walk_when_products_come_and_go() {
        List<ProductId> added = addNumbered(4);
        ProductSlice first = products().searchAfter(mine().withPage(1, 2), ProductCursor.start(ProductOrdering.PRICE));
        products().delete(added.get(0), Product.FIRST_VERSION);
        Product cheaper = add("cheaper", "0.50", 1, T0);

        ProductSlice second =
                products().searchAfter(mine().withPage(1, 2), first.next().orElseThrow());

        assertThat(first.items().stream().map(Product::id)).containsExactlyElementsOf(added.subList(0, 2));
        assertThat(second.items().stream().map(Product::id)).containsExactlyElementsOf(added.subList(2, 4));
        assertThat(second.next()).isEmpty();
        assertThat(second.total()).isEqualTo(4);
        assertThat(cheaper.id()).isNotIn(added);
    }

    @Test
    void ends_a_keyset_walk_on_a_full_last_slice_and_filters_as_pages_do() {
        addNumbered(4);
        add("other", "3.50", 0, T0);

        ProductQuery inStock = mine().withInStock(Optional.of(true)).withPage(1, 2);
        ProductSlice first = products().searchAfter(inStock, ProductCursor.start(ProductOrdering.PRICE_DESC));
        ProductSlice second = products().searchAfter(inStock, first.next().orElseThrow());

        assertThat(first.items()).extracting(p -> p.name().value()).containsExactly("item 4", "item 3");
        assertThat(second.items()).extracting(p -> p.name().value()).containsExactly("item 2", "item 1");
        assertThat(second.next()).isEmpty();
        assertThat(second.total()).isEqualTo(4);
    }

    private ProductQuery mine() {
        return ProductQuery.all().withOwner(owner).withPage(1, ProductQuery.MAX_PAGE_SIZE);
    }

    private Product addDescribed(String name, String description, Instant createdAt) {
        ProductDetails plain = details(name, "1.00", 1);
        return products()
                .add(new NewProduct(
                        owner,
                        new ProductDetails(
                                plain.name(),
                                plain.price(),
                                new Description(description),
                                plain.quantity(),
                                plain.photo()),
                        createdAt));
    }

    private Product add(String name, String price, int quantity, Instant createdAt) {
        return products().add(new NewProduct(owner, details(name, price, quantity), createdAt));
    }

    /** {@code count} products in stock with rising prices 1.00, 2.00, …; their ids in that order. */
    private List<ProductId> addNumbered(int count) {
        List<ProductId> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(add("item " + i, i + ".00", i, T0).id());
        }
        return ids;
    }

    private static ProductDetails details(String name, String price, int quantity) {
        return new ProductDetails(
                new ProductName(name), Price.parse(price), Description.EMPTY, new Quantity(quantity), Optional.empty());
    }

    private static ProductDetails renamed(Product product, String name) {
        return new ProductDetails(
                new ProductName(name), product.price(), product.description(), product.quantity(), product.photo());
    }

    private static List<ProductId> ids(ProductPage page) {
        return page.items().stream().map(Product::id).toList();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** Exactly {@link Description#MAX_LENGTH} characters, with line breaks and letters outside ASCII. */
    private static String longDescription() {
        String line = "Zoë's «Ölkanne», 100% rust_free.\n";
        StringBuilder text = new StringBuilder();
        while (text.length() < Description.MAX_LENGTH) {
            text.append(line);
        }
        text.setLength(Description.MAX_LENGTH - 1);
        return text.append('x').toString();
    }
}
