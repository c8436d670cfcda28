package dev.stockroom.adapters.persistence.row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A {@code WHERE} clause assembled from fixed SQL fragments joined by AND, with every value a
 * client chose bound as a named parameter: no client text ever becomes SQL.
 */
public final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();

    /** Adds a fixed condition with no parameter. */
    public Where and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds a fixed condition with one named parameter. */
    public Where and(String condition, String name, Object value) {
        conditions.add(condition);
        values.put(name, value);
        return this;
    }

    /** Empty, or {@code " WHERE …"}. */
    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    public <S extends SqlStatement<S>> S bind(S statement) {
        return statement.bindMap(values);
    }
}
