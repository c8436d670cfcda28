package dev.stockroom.core.catalog.domain;

import static dev.stockroom.core.shared.QueryParameters.given;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.QueryParameters;
import dev.stockroom.core.shared.Text;
import dev.stockroom.core.shared.Violations;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which products to list and which page of them. Every filter is optional and they combine with
 * AND:
 *
 * <ul>
 *   <li>{@code search}: the text occurs in the name or the description, without regard to case;
 *       characters such as {@code %} and {@code _} are matched literally;
 *   <li>{@code minPrice}, {@code maxPrice}: inclusive bounds;
 *   <li>{@code inStock}: true lists products with a quantity above 0, false those with 0;
 *   <li>{@code owner}: only this user's products.
 * </ul>
 *
 * <p>The constructor throws {@link CatalogFailure.InvalidInput} naming every parameter that is out
 * of range.
 */
public record ProductQuery(
        Optional<String> search,
        Optional<Price> minPrice,
        Optional<Price> maxPrice,
        Optional<Boolean> inStock,
        Optional<UserId> owner,
        ProductOrdering ordering,
        int page,
        int pageSize) {

    public static final int MAX_SEARCH_LENGTH = 200;
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final String PAGE_RULE = "Must be a whole number of at least 1.";
    private static final String PAGE_SIZE_RULE = "Must be a whole number from 1 to " + MAX_PAGE_SIZE + ".";

    public ProductQuery {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(minPrice, "minPrice");
        Objects.requireNonNull(maxPrice, "maxPrice");
        Objects.requireNonNull(inStock, "inStock");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(ordering, "ordering");
        search = search.map(String::strip).filter(s -> !s.isEmpty());
        Violations v = new Violations();
        search.ifPresent(s -> v.field("search", () -> checkSearch(s)));
        v.field("page", () -> checkPage(page));
        v.field("page_size", () -> checkPageSize(pageSize));
        if (minPrice.isPresent() && maxPrice.isPresent() && minPrice.get().compareTo(maxPrice.get()) > 0) {
            v.add("min_price", "Must not be greater than max_price.");
        }
        v.throwIfAny(CatalogFailure.InvalidInput::new);
    }

    /** Every product, newest first, first page of the default size. */
    public static ProductQuery all() {
        return new ProductQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ProductOrdering.DEFAULT,
                1,
                DEFAULT_PAGE_SIZE);
    }

    /**
     * Reads the API's query parameters; null or blank means "not given". Collects every problem
     * before failing.
     *
     * @throws CatalogFailure.InvalidInput keyed by the API's parameter names
     */
    public static ProductQuery parse(
            String search,
            String minPrice,
            String maxPrice,
            String inStock,
            String ordering,
            String page,
            String pageSize) {
        Violations v = new Violations();
        Optional<String> text = given(search);
        text.ifPresent(s -> v.field("search", () -> checkSearch(s.strip())));
        Optional<Price> min = given(minPrice).map(p -> v.field("min_price", () -> Price.parse(p)));
        Optional<Price> max = given(maxPrice).map(p -> v.field("max_price", () -> Price.parse(p)));
        Optional<Boolean> stock = given(inStock).map(s -> v.field("in_stock", () -> QueryParameters.parseBoolean(s)));
        ProductOrdering order = given(ordering)
                .map(o -> v.field("ordering", () -> ProductOrdering.parse(o)))
                .orElse(text.isPresent() ? ProductOrdering.RELEVANCE : ProductOrdering.DEFAULT);
        Integer pageNumber = given(page)
                .map(p -> v.field("page", () -> checkPage(parseWhole(p, PAGE_RULE))))
                .orElse(1);
        Integer size = given(pageSize)
                .map(p -> v.field("page_size", () -> checkPageSize(parseWhole(p, PAGE_SIZE_RULE))))
                .orElse(DEFAULT_PAGE_SIZE);
        v.throwIfAny(CatalogFailure.InvalidInput::new);
        return new ProductQuery(text, min, max, stock, Optional.empty(), order, pageNumber, size);
    }

    public ProductQuery withSearch(String text) {
        return new ProductQuery(
                Optional.ofNullable(text), minPrice, maxPrice, inStock, owner, ordering, page, pageSize);
    }

    public ProductQuery withPriceRange(Optional<Price> min, Optional<Price> max) {
        return new ProductQuery(search, min, max, inStock, owner, ordering, page, pageSize);
    }

    public ProductQuery withInStock(Optional<Boolean> stock) {
        return new ProductQuery(search, minPrice, maxPrice, stock, owner, ordering, page, pageSize);
    }

    public ProductQuery withOwner(UserId user) {
        return new ProductQuery(search, minPrice, maxPrice, inStock, Optional.of(user), ordering, page, pageSize);
    }

    public ProductQuery withOrdering(ProductOrdering newOrdering) {
        return new ProductQuery(search, minPrice, maxPrice, inStock, owner, newOrdering, page, pageSize);
    }

    public ProductQuery withPage(int newPage, int newPageSize) {
        return new ProductQuery(search, minPrice, maxPrice, inStock, owner, ordering, newPage, newPageSize);
    }

    /** How many matching products come before this page. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    /**
     * The search text in lower case ({@link Locale#ROOT}), the form stores compare with the lower-case
     * name and description.
     */
    public Optional<String> searchKey() {
        return search.map(s -> s.toLowerCase(Locale.ROOT));
    }

    private static String checkSearch(String text) {
        if (text.codePointCount(0, text.length()) > MAX_SEARCH_LENGTH) {
            throw new InvalidValue("Must be at most " + MAX_SEARCH_LENGTH + " characters.");
        }
        return Text.withoutControlCharacters(text);
    }

    // A page number beyond int is as far past the end as Integer.MAX_VALUE is: both list nothing.
    private static int parseWhole(String text, String rule) {
        String trimmed = text.strip();
        if (!DIGITS.matcher(trimmed).matches()) {
            throw new InvalidValue(rule);
        }
        return (int) Math.min(Long.parseLong(trimmed), Integer.MAX_VALUE);
    }

    private static int checkPage(int page) {
        if (page < 1) {
            throw new InvalidValue(PAGE_RULE);
        }
        return page;
    }

    private static int checkPageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidValue(PAGE_SIZE_RULE);
        }
        return size;
    }
}
