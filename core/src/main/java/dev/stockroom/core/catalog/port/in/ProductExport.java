package dev.stockroom.core.catalog.port.in;

import dev.stockroom.core.catalog.domain.Product;
import java.util.function.Consumer;

/**
 * An export the caller may run: refused, if at all, when it was asked for, so that an edge can
 * answer before it starts streaming.
 */
@FunctionalInterface
public interface ProductExport {
    /** Hands every exported product to {@code sink}, in id order, one at a time, in one read transaction. */
    void forEachProduct(Consumer<Product> sink);
}
