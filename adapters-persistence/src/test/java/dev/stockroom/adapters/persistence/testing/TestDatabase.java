package dev.stockroom.adapters.persistence.testing;

import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * A migrated database for tests: the JDBC coordinates (to point a whole application at it) and a
 * ready {@link Jdbi} on it.
 */
public final class TestDatabase {
    private final String url;
    private final String user;
    private final String password;
    private final DataSource dataSource;
    private final Jdbi jdbi;

    TestDatabase(String url, String user, String password, DataSource dataSource) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        // As the service runs it (Wiring): no templating, so a statement that needs <list> expansion fails here too.
        this.jdbi = Jdbi.create(dataSource).setTemplateEngine(TemplateEngine.NOP);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Opens a new physical connection per call: no pool. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public String toString() {
        return url;
    }
}
