package dev.stockroom.adapters.rest.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Tags;
import dev.stockroom.core.catalog.port.in.AttributeChanges;
import dev.stockroom.core.catalog.port.in.ProductDraft;
import dev.stockroom.core.catalog.port.in.ProductPatch;
import dev.stockroom.core.shared.Violations;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The editable fields of a product as a client sent them, from JSON or from a multipart form.
 * A field that is present with {@code null} is kept apart from an absent one (PATCH clears the
 * first). Unknown and server-owned fields are refused; the sketch's {@code decription} is read
 * as {@code description}. Prices and quantities arrive as JSON numbers or strings and reach the
 * core as text, so "12.50", 12.5 and "12.5" all mean the same.
 */
final class ProductFields {
    static final String NAME = "name";
    static final String PRICE = "price";
    static final String PHOTO = "photo";
    static final String DESCRIPTION = "description";
    static final String QUANTITY = "quantity";
    static final String SKU = "sku";
    static final String BARCODE = "barcode";
    static final String SLUG = "slug";
    static final String STATUS = "status";
    static final String CATEGORY = "category";
    static final String TAGS = "tags";
    private static final Set<String> EDITABLE =
            Set.of(NAME, PRICE, PHOTO, DESCRIPTION, QUANTITY, SKU, BARCODE, SLUG, STATUS, CATEGORY, TAGS);
    private static final Set<String> SERVER_OWNED = Set.of("id", "owner", "created_at", "updated_at", "version");
    private static final Map<String, String> ALIASES = Map.of("decription", DESCRIPTION);
    // Floats as BigDecimal: a double would turn 9999999999.99 into 9.99999999999E9.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int MAX_PLAIN_SCALE = 64;

    private final Map<String, String> values;
    // Tags are the one list: kept apart from the text fields, null when sent as null.
    private final Map<String, List<String>> lists;

    private ProductFields(Map<String, String> values, Map<String, List<String>> lists) {
        this.values = values;
        this.lists = lists;
    }

    /** @throws com.fasterxml.jackson.core.JsonProcessingException for bad JSON (mapped to 400) */
    static ProductFields fromJson(byte[] body) throws IOException {
        JsonNode root = body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        if (root == null || !root.isObject()) {
            throw CatalogFailure.InvalidInput.of("body", "Send a JSON object.");
        }
        Violations v = new Violations();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = accept(field.getKey(), values, v);
            if (name != null && name.equals(TAGS)) {
                lists.put(name, list(name, field.getValue(), v));
            } else if (name != null) {
                values.put(name, text(name, field.getValue(), v));
            }
        }
        v.throwIfAny(CatalogFailure.InvalidInput::new);
        return new ProductFields(values, lists);
    }

    /**
     * Text fields of a form; {@code photo} as text is a URL (a file is handled by the caller), and
     * {@code tags} are separated by {@code ;} as in the CSV.
     */
    static ProductFields fromForm(Map<String, String> fields) {
        Violations v = new Violations();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            String name = accept(key, values, v);
            if (name != null && name.equals(TAGS)) {
                lists.put(name, split(value));
            } else if (name != null) {
                values.put(name, value);
            }
        });
        v.throwIfAny(CatalogFailure.InvalidInput::new);
        return new ProductFields(values, lists);
    }

    /** {@code a;b} as {@code [a, b]}; blank parts are left out, so an empty value clears the tags. */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(Tags.SEPARATOR, -1)) {
                if (!part.isBlank()) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    private static List<String> list(String name, JsonNode node, Violations v) {
        if (node.isNull()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    v.add(name, "Must be a list of strings.");
                    return null;
                }
                items.add(item.textValue());
            }
            return items;
        }
        v.add(name, "Must be a list of strings.");
        return null;
    }

    private static String accept(String key, Map<String, String> seen, Violations v) {
        String name = ALIASES.getOrDefault(key, key);
        if (SERVER_OWNED.contains(name)) {
            v.add(key, "This field is set by the server and cannot be sent.");
            return null;
        }
        if (!EDITABLE.contains(name)) {
            v.add(key, "Unknown field.");
            return null;
        }
        if (seen.containsKey(name) || (name.equals(TAGS) && seen.containsKey(TAGS))) {
            v.add(name, "Given twice (description and decription are the same field).");
            return null;
        }
        return name;
    }

    private static String text(String name, JsonNode node, Violations v) {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() && (name.equals(PRICE) || name.equals(QUANTITY))) {
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue().toString();
            }
            BigDecimal decimal = node.decimalValue();
            // 1e-999999999 is a short token whose plain form is a billion digits: such a value is
            // out of range anyway, so hand the core its scientific form, which it refuses.
            return Math.abs(decimal.scale()) <= MAX_PLAIN_SCALE ? decimal.toPlainString() : decimal.toString();
        }
        v.add(name, name.equals(PRICE) || name.equals(QUANTITY) ? "Must be a number." : "Must be a string.");
        return null;
    }

    boolean isEmpty() {
        return values.isEmpty() && lists.isEmpty();
    }

    boolean has(String name) {
        return values.containsKey(name) || lists.containsKey(name);
    }

    String get(String name) {
        return values.get(name);
    }

    /** Every field, as for add and PUT; a URL of one of our stored photos keeps that photo. */
    ProductDraft draft() {
        String photo = values.get(PHOTO);
        var stored = PhotoLinks.storedPhotoIn(photo);
        ProductDraft draft = ProductDraft.of(
                values.get(NAME),
                values.get(PRICE),
                values.get(DESCRIPTION),
                values.get(QUANTITY),
                stored.isPresent() ? null : photo,
                v -> attributes(AttributeChanges.builder(v)).changes());
        return stored.isPresent() ? draft.withPhoto(stored) : draft;
    }

    /** Only the fields sent, as for PATCH. */
    ProductPatch patch() {
        ProductPatch.Builder patch = ProductPatch.builder();
        if (has(NAME)) {
            patch.name(get(NAME));
        }
        if (has(PRICE)) {
            patch.price(get(PRICE));
        }
        if (has(DESCRIPTION)) {
            patch.description(get(DESCRIPTION));
        }
        if (has(QUANTITY)) {
            patch.quantity(get(QUANTITY));
        }
        if (has(PHOTO)) {
            var stored = PhotoLinks.storedPhotoIn(get(PHOTO));
            if (stored.isPresent()) {
                patch.photo(stored);
            } else {
                patch.photoUrl(get(PHOTO));
            }
        }
        attributes(patch.attributes());
        return patch.build();
    }

    /** The catalogue attributes sent, into {@code builder}. */
    private AttributeChanges.Builder attributes(AttributeChanges.Builder builder) {
        if (has(SKU)) {
            builder.sku(get(SKU));
        }
        if (has(BARCODE)) {
            builder.barcode(get(BARCODE));
        }
        if (has(SLUG)) {
            builder.slug(get(SLUG));
        }
        if (has(STATUS)) {
            builder.status(get(STATUS));
        }
        if (has(CATEGORY)) {
            builder.category(get(CATEGORY));
        }
        if (has(TAGS)) {
            builder.tags(lists.get(TAGS));
        }
        return builder;
    }
}
