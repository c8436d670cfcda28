package dev.stockroom.adapters.rest.catalog;

import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.ProductImages;
import java.util.function.Consumer;
import org.glassfish.jersey.media.multipart.MultiPartFeature;

/** Registers the catalogue endpoints and multipart support for photo uploads. */
public final class CatalogResources {
    private CatalogResources() {}

    /** {@code policy}: the one the core's catalogue enforces, so that both refuse the same photos. */
    public static void register(Consumer<Object> jersey, Catalog catalog, ProductImages images, CatalogPolicy policy) {
        jersey.accept(MultiPartFeature.class);
        jersey.accept(new ProductResource(catalog, images, policy.maxPhotoBytes()));
        jersey.accept(new ProductImageResource(images, policy.maxPhotoBytes()));
        jersey.accept(new MediaResource(catalog));
    }
}
