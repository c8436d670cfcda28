package dev.stockroom.adapters.persistence.catalog;

import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.contract.ProductRepositoryContract;

/** ProductRepositoryContract on the JVM's shared embedded PostgreSQL. */
class PostgresProductRepositoryTest extends ProductRepositoryContract {
    private static final ProductRepository PRODUCTS =
            new JdbiProductRepository(new JdbiTransactions(TestDatabases.postgres().jdbi()));

    @Override
    protected ProductRepository products() {
        return PRODUCTS;
    }
}
