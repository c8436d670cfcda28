package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.QueryParameters;
import java.util.Locale;

/** Whether the public sees a product ({@code PUBLISHED}) or only its owner and admins ({@code DRAFT}). */
public enum ProductStatus {
    DRAFT,
    PUBLISHED;

    /** {@code draft} or {@code published}, without regard to case. */
    public static ProductStatus parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        return QueryParameters.enumValue(ProductStatus.class, text, "draft or published");
    }

    /** The API's word for it. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
