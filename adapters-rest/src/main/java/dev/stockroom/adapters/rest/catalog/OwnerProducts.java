package dev.stockroom.adapters.rest.catalog;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.ListingFilters;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.Viewer;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.ProductImages;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every product of one owner, each as the product detail shows it: what an account's export holds. */
public final class OwnerProducts {
    private OwnerProducts() {}

    public static List<?> of(Catalog catalog, ProductImages images, UserId owner, UriInfo uri) {
        PhotoLinks links = new PhotoLinks(uri);
        List<ProductJson.ProductBody> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            ProductPage found = catalog.list(ProductQuery.all()
                    .withOwner(owner)
                    .withListing(ListingFilters.NONE.withViewer(Viewer.user(owner, false)))
                    .withPage(page, ProductQuery.MAX_PAGE_SIZE));
            Map<ProductId, List<ProductImage>> imagesOf =
                    images.imagesOf(found.items().stream().map(Product::id).toList());
            found.items()
                    .forEach(p ->
                            all.add(ProductJson.ProductBody.from(p, links, imagesOf.getOrDefault(p.id(), List.of()))));
            if ((long) page * found.pageSize() >= found.total()) {
                return all;
            }
        }
    }
}
