package dev.stockroom.core.catalog.domain;

import java.util.List;

/**
 * One page of a product list.
 *
 * @param items    the products on this page, at most {@code pageSize}; empty past the last page
 * @param total    how many products match the query on all pages together
 * @param page     this page's number, from 1
 * @param pageSize the page size asked for
 */
public record ProductPage(List<Product> items, long total, int page, int pageSize) {
    public ProductPage {
        items = List.copyOf(items);
        if (total < 0 || page < 1 || pageSize < 1 || items.size() > pageSize) {
            throw new IllegalArgumentException("Inconsistent page: " + items.size() + " items, total " + total
                    + ", page " + page + ", page size " + pageSize);
        }
    }

    public static ProductPage of(List<Product> items, long total, ProductQuery query) {
        return new ProductPage(items, total, query.page(), query.pageSize());
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    public boolean hasPrevious() {
        return page > 1;
    }
}
