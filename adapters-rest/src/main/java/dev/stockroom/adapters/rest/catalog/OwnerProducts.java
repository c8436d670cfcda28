package dev.stockroom.adapters.rest.catalog;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.port.in.Catalog;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/** Every product of one owner, each as the product detail shows it: what an account's export holds. */
public final class OwnerProducts {
    private OwnerProducts() {}

    public static List<?> of(Catalog catalog, UserId owner, UriInfo uri) {
        PhotoLinks links = new PhotoLinks(uri);
        List<ProductJson.ProductBody> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            ProductPage found =
                    catalog.list(ProductQuery.all().withOwner(owner).withPage(page, ProductQuery.MAX_PAGE_SIZE));
            found.items().forEach(p -> all.add(ProductJson.ProductBody.from(p, links)));
            if ((long) page * found.pageSize() >= found.total()) {
                return all;
            }
        }
    }
}
