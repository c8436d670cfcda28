package dev.stockroom.core.shared;

import java.util.List;

/**
 * One page of a list that is paged like the product list.
 *
 * @param items    the entries on this page, at most {@code pageSize}; empty past the last page
 * @param total    how many entries match on all pages together
 * @param page     this page's number, from 1
 * @param pageSize the page size asked for
 */
public record Page<T>(List<T> items, long total, int page, int pageSize) {
    public Page {
        items = List.copyOf(items);
        if (total < 0 || page < 1 || pageSize < 1 || items.size() > pageSize) {
            throw new IllegalArgumentException("Inconsistent page: " + items.size() + " items, total " + total
                    + ", page " + page + ", page size " + pageSize);
        }
    }

    public boolean hasNext() {
        return (long) page * pageSize < total;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    /** Where the page starts among all entries. */
    public static long offset(int page, int pageSize) {
        return (long) (page - 1) * pageSize;
    }
}
