package dev.stockroom.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.Barcode;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Category;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.ListingFilters;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductAttributes;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductStatus;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.catalog.domain.Sku;
import dev.stockroom.core.catalog.domain.Slug;
import dev.stockroom.core.catalog.domain.Tags;
import dev.stockroom.core.catalog.domain.Viewer;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProductRepository} must do with a shop's catalogue attributes: keep them,
 * hold slugs unique across the store and SKUs per owner, find by either, and filter the list by
 * them and by who is looking. Isolated by data like {@link ProductRepositoryContract}: each test
 * has an owner and slugs of its own.
 */
public abstract class ProductAttributesContract {
    private static final Instant T0 = Instant.parse("2031-05-04T03:02:01.123456Z");

    private final UserId owner = UserId.random();
    private final String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    protected abstract ProductRepository products();

    @Test
    void gives_back_every_attribute_and_clears_them_on_update() {
        ProductAttributes attributes = new ProductAttributes(
                Optional.of(new Sku("LAMP-01." + unique)),
                Optional.of(new Barcode("4006381333931")),
                Optional.of(slug("lamp")),
                ProductStatus.DRAFT,
                Optional.of(new Category("Lighting «Innen»")),
                new Tags(List.of("Brass", "desk", "öl")));

        Product added = add("Lamp", attributes);

        assertThat(added.attributes()).isEqualTo(attributes);
        assertThat(products().findById(added.id())).contains(added);
        Product cleared =
                added.withDetails(added.details().withAttributes(ProductAttributes.DEFAULT), T0.plusSeconds(1));
        assertThat(products().update(cleared, added.version())).isTrue();
        assertThat(products().findById(added.id()).orElseThrow().attributes()).isEqualTo(ProductAttributes.DEFAULT);
    }

    @Test
    void keeps_twenty_tags_of_fifty_characters() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < Tags.MAX_COUNT; i++) {
            tags.add(String.format("%02d", i) + "ä".repeat(Tags.MAX_LENGTH - 2));
        }
        Product added = add("Tagged", attributes(ProductStatus.PUBLISHED, null, null, tags));

        assertThat(products()
                        .findById(added.id())
                        .orElseThrow()
                        .attributes()
                        .tags()
                        .values())
                .containsExactlyElementsOf(tags);
    }

    @Test
    void refuses_a_slug_another_product_has_on_add_and_on_update() {
        add("First", withSlug(slug("taken")));
        Product second = add("Second", withSlug(slug("free")));

        assertThatThrownBy(() -> add("Third", withSlug(slug("taken")))).isInstanceOf(CatalogFailure.SlugTaken.class);
        Product stealing = second.withDetails(second.details().withAttributes(withSlug(slug("taken"))), T0);
        assertThatThrownBy(() -> products().update(stealing, second.version()))
                .isInstanceOf(CatalogFailure.SlugTaken.class);
        assertThat(products().findById(second.id()).orElseThrow().attributes().slug())
                .contains(slug("free"));
    }

    @Test
    void lets_many_products_have_no_slug_and_no_sku() {
        add("One", ProductAttributes.DEFAULT);
        add("Two", ProductAttributes.DEFAULT);

        assertThat(products().search(mine(Viewer.ANONYMOUS)).total()).isEqualTo(2);
    }

    @Test
    void refuses_a_sku_twice_for_one_owner_but_not_for_two_owners() {
        Sku sku = new Sku("SKU-" + unique);
        add("Mine", withSku(sku));
        Product other = add("Other", withSku(new Sku("OTHER-" + unique)));

        assertThatThrownBy(() -> add("Mine again", withSku(sku))).isInstanceOf(CatalogFailure.SkuTaken.class);
        Product taking = other.withDetails(other.details().withAttributes(withSku(sku)), T0);
        assertThatThrownBy(() -> products().update(taking, other.version()))
                .isInstanceOf(CatalogFailure.SkuTaken.class);
        Product theirs =
                products().add(new NewProduct(UserId.random(), details("Theirs").withAttributes(withSku(sku)), T0));
        assertThat(theirs.attributes().sku()).contains(sku);
    }

    @Test
    void finds_a_product_by_slug_and_by_its_owners_sku() {
        Sku sku = new Sku("FIND-" + unique);
        Product added = add("Findable", withSku(sku).withSlug(Optional.of(slug("findable"))));

        assertThat(products().findBySlug(slug("findable"))).contains(added);
        assertThat(products().findBySlug(slug("missing"))).isEmpty();
        assertThat(products().findBySku(owner, sku)).contains(added);
        assertThat(products().findBySku(UserId.random(), sku)).isEmpty();
    }

    @Test
    void lists_the_slugs_like_a_base_that_is_the_base_or_the_base_and_a_hyphen() {
        Slug base = slug("lamp");
        add("a", withSlug(base));
        add("b", withSlug(base.withSuffix(2)));
        add("c", withSlug(new Slug(base.value() + "-brass")));
        add("d", withSlug(new Slug(base.value() + "x")));
        add("e", withSlug(new Slug("x" + base.value())));

        assertThat(products().slugsLike(base))
                .containsExactlyInAnyOrder(base, base.withSuffix(2), new Slug(base.value() + "-brass"));
    }

    @Test
    void hands_over_an_owners_products_one_by_one_in_id_order() {
        Product first = add("First", ProductAttributes.DEFAULT);
        Product second = add("Second", withStatus(ProductStatus.DRAFT));
        Product someoneElses = products().add(new NewProduct(UserId.random(), details("Else"), T0));
        List<Product> mine = new ArrayList<>();
        List<Product> everyones = new ArrayList<>();

        products().forEach(Optional.of(owner), mine::add);
        products().forEach(Optional.empty(), everyones::add);

        assertThat(mine).containsExactly(first, second);
        assertThat(everyones).contains(first, second, someoneElses);
        assertThat(everyones).isSortedAccordingTo((a, b) -> Long.compare(a.id().value(), b.id().value()));
    }

    @Test
    void shows_drafts_only_to_their_owner_and_admins() {
        Product published = add("Published", ProductAttributes.DEFAULT);
        Product draft = add("Draft", withStatus(ProductStatus.DRAFT));

        assertThat(ids(mine(Viewer.ANONYMOUS))).containsExactly(published.id().value());
        assertThat(ids(mine(Viewer.user(UserId.random(), false))))
                .containsExactly(published.id().value());
        assertThat(ids(mine(Viewer.user(owner, false))))
                .containsExactly(draft.id().value(), published.id().value());
        assertThat(ids(mine(Viewer.user(UserId.random(), true))))
                .containsExactly(draft.id().value(), published.id().value());
        ProductQuery drafts = mine(Viewer.user(owner, false));
        drafts = drafts.withListing(drafts.listing().withStatus(Optional.of(ProductStatus.DRAFT)));
        assertThat(ids(drafts)).containsExactly(draft.id().value());
    }

    @Test
    void filters_by_category_without_regard_to_case_by_tag_and_by_sku() {
        Product lamp = add("Lamp", attributes(ProductStatus.PUBLISHED, "Lighting", "L-" + unique, List.of("brass")));
        Product mug =
                add("Mug", attributes(ProductStatus.PUBLISHED, "Kitchen", "M-" + unique, List.of("brass", "tea")));
        add("Bare", ProductAttributes.DEFAULT);

        assertThat(ids(filtered(Optional.of(new Category("LIGHTING")), Optional.empty(), Optional.empty())))
                .containsExactly(lamp.id().value());
        assertThat(ids(filtered(Optional.empty(), Optional.of("Brass"), Optional.empty())))
                .containsExactly(mug.id().value(), lamp.id().value());
        assertThat(ids(filtered(Optional.empty(), Optional.of("bra"), Optional.empty())))
                .isEmpty();
        assertThat(ids(filtered(Optional.empty(), Optional.empty(), Optional.of(new Sku("M-" + unique)))))
                .containsExactly(mug.id().value());
        assertThat(ids(filtered(Optional.of(new Category("kitchen")), Optional.of("tea"), Optional.empty())))
                .containsExactly(mug.id().value());
    }

    @Test
    void matches_a_tag_with_like_wildcards_literally() {
        Product literal = add("Literal", attributes(ProductStatus.PUBLISHED, null, null, List.of("50%_off")));
        add("Other", attributes(ProductStatus.PUBLISHED, null, null, List.of("50xxoff")));

        assertThat(ids(filtered(Optional.empty(), Optional.of("50%_off"), Optional.empty())))
                .containsExactly(literal.id().value());
        assertThat(ids(filtered(Optional.empty(), Optional.of("50%"), Optional.empty())))
                .isEmpty();
    }

    private ProductQuery filtered(Optional<Category> category, Optional<String> tag, Optional<Sku> sku) {
        return mine(Viewer.ANONYMOUS)
                .withListing(new ListingFilters(Optional.empty(), category, tag, sku, Viewer.ANONYMOUS));
    }

    private ProductQuery mine(Viewer viewer) {
        ProductQuery query = ProductQuery.all().withOwner(owner).withPage(1, ProductQuery.MAX_PAGE_SIZE);
        return query.withListing(query.listing().withViewer(viewer));
    }

    private List<Long> ids(ProductQuery query) {
        return products().search(query).items().stream()
                .map(p -> p.id().value())
                .toList();
    }

    private Product add(String name, ProductAttributes attributes) {
        return products().add(new NewProduct(owner, details(name).withAttributes(attributes), T0));
    }

    private Slug slug(String base) {
        return new Slug(base + "-" + unique);
    }

    private static ProductDetails details(String name) {
        return new ProductDetails(
                new ProductName(name), Price.parse("1.00"), Description.EMPTY, new Quantity(1), Optional.empty());
    }

    private static ProductAttributes withSlug(Slug slug) {
        return ProductAttributes.DEFAULT.withSlug(Optional.of(slug));
    }

    private static ProductAttributes withSku(Sku sku) {
        return new ProductAttributes(
                Optional.of(sku),
                Optional.empty(),
                Optional.empty(),
                ProductStatus.PUBLISHED,
                Optional.empty(),
                Tags.NONE);
    }

    private static ProductAttributes withStatus(ProductStatus status) {
        return new ProductAttributes(
                Optional.empty(), Optional.empty(), Optional.empty(), status, Optional.empty(), Tags.NONE);
    }

    private static ProductAttributes attributes(ProductStatus status, String category, String sku, List<String> tags) {
        return new ProductAttributes(
                Optional.ofNullable(sku).map(Sku::new),
                Optional.empty(),
                Optional.empty(),
                status,
                Optional.ofNullable(category).map(Category::new),
                new Tags(tags));
    }
}
