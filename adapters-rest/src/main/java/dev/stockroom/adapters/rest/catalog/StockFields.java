package dev.stockroom.adapters.rest.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.port.in.StockAdjustment;
import dev.stockroom.core.shared.Violations;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /products/{id}/stock/}: {@code delta} as a JSON integer (or a string of
 * one) and an optional {@code reason}; anything else is a field error, and every bad field is named
 * at once.
 */
final class StockFields {
    private static final String DELTA = "delta";
    private static final String REASON = "reason";
    private static final Set<String> FIELDS = Set.of(DELTA, REASON);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StockFields() {}

    /** @throws com.fasterxml.jackson.core.JsonProcessingException for bad JSON (mapped to 400) */
    static StockAdjustment fromJson(byte[] body) throws IOException {
        JsonNode root = body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        if (root == null || !root.isObject()) {
            throw CatalogFailure.InvalidInput.of("body", "Send a JSON object.");
        }
        Violations v = new Violations();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                v.add(field.getKey(), "Unknown field.");
            }
        }
        String delta = delta(root.get(DELTA), v);
        String reason = reason(root.get(REASON), v);
        StockAdjustment adjustment = null;
        try {
            // A field already found wrong is stood in for, so that the other's rules are checked too.
            adjustment = StockAdjustment.parse(v.has(DELTA) ? "1" : delta, v.has(REASON) ? null : reason);
        } catch (CatalogFailure.InvalidInput e) {
            e.fieldErrors().forEach((field, messages) -> messages.forEach(m -> v.add(field, m)));
        }
        v.throwIfAny(CatalogFailure.InvalidInput::new);
        return adjustment;
    }

    private static String delta(JsonNode node, Violations v) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        v.add(DELTA, "Must be a whole number.");
        return null;
    }

    private static String reason(JsonNode node, Violations v) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            v.add(REASON, "Must be a string.");
            return null;
        }
        return node.textValue();
    }
}
