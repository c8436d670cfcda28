package dev.stockroom.adapters.rest.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.core.catalog.domain.Product;
import java.net.URI;
import java.util.List;

/** The catalogue's response bodies. Requests are read field by field in {@link ProductFields}. */
final class ProductJson {
    private ProductJson() {}

    /** A product as the sketch's detail shows it, plus owner and times. Price is a decimal string. */
    record ProductBody(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("price") String price,
            @JsonProperty("photo") String photo,
            @JsonProperty("description") String description,
            @JsonProperty("quantity") int quantity,
            @JsonProperty("owner") String owner,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt) {

        static ProductBody from(Product p, PhotoLinks links) {
            return new ProductBody(
                    p.id().value(),
                    p.name().value(),
                    p.price().toString(),
                    p.photo().map(links::urlOf).orElse(null),
                    p.description().value(),
                    p.quantity().value(),
                    p.owner().toString(),
                    p.createdAt().toString(),
                    p.updatedAt().toString());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(
            @JsonProperty("status") boolean status,
            @JsonProperty("message") String message,
            @JsonProperty("data") ProductBody data) {}

    record PageReply(
            @JsonProperty("status") boolean status,
            @JsonProperty("count") long count,
            @JsonProperty("next") URI next,
            @JsonProperty("previous") URI previous,
            @JsonProperty("results") List<ProductBody> results) {}
}
