package dev.stockroom.adapters.persistence.row;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Typed reads of a column by name, straight from JDBC. The row mappers of the hot paths (a product,
 * a user, a session: every request reads one) use these instead of JDBI's {@code RowView}, which
 * looks up a column mapper for every column of every row; the results are the same as JDBI's
 * built-in mappers give, on H2 and on PostgreSQL.
 */
public final class Columns {
    private Columns() {}

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
