package dev.stockroom.adapters.persistence.catalog;

import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.Slug;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.SetupException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Gives every product stored before slugs existed the slug the catalogue would have made from
 * its name ({@link Slug#from}), with {@code -2}, {@code -3}, … where names repeat, oldest id
 * first. Runs inside 011's changeset, so on a failure the whole changeset rolls back.
 */
public final class ProductSlugsChange implements CustomTaskChange {

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        Set<Slug> taken = new HashSet<>();
        try (PreparedStatement select =
                        connection.prepareStatement("SELECT id, name FROM products WHERE slug IS NULL ORDER BY id");
                PreparedStatement update = connection.prepareStatement("UPDATE products SET slug = ? WHERE id = ?");
                ResultSet rows = select.executeQuery()) {
            int batched = 0;
            while (rows.next()) {
                Slug base = Slug.from(new ProductName(rows.getString("name")));
                Slug slug = base;
                for (int n = 2; taken.contains(slug); n++) {
                    slug = base.withSuffix(n);
                }
                taken.add(slug);
                update.setString(1, slug.value());
                update.setLong(2, rows.getLong("id"));
                update.addBatch();
                if (++batched % 500 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new CustomChangeException("Could not give the existing products their slugs", e);
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "Existing products have slugs";
    }

    @Override
    public void setUp() throws SetupException {
        // nothing to set up
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // reads no file
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
