package dev.stockroom.adapters.rest.catalog;

import dev.stockroom.core.catalog.port.in.Catalog;
import java.util.function.Consumer;
import org.glassfish.jersey.media.multipart.MultiPartFeature;

/** Registers the catalogue endpoints and multipart support for photo uploads. */
public final class CatalogResources {
    private CatalogResources() {
    }

    public static void register(Consumer<Object> jersey, Catalog catalog, int maxPhotoBytes) {
        jersey.accept(MultiPartFeature.class);
        jersey.accept(new ProductResource(catalog, maxPhotoBytes));
        jersey.accept(new MediaResource(catalog));
    }
}
