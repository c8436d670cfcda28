package dev.stockroom.adapters.persistence.catalog;

import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.contract.ProductRepositoryContract;

/** ProductRepositoryContract on a fresh in-memory H2 database of its own. */
class H2ProductRepositoryTest extends ProductRepositoryContract {
    private static final ProductRepository PRODUCTS =
            new JdbiProductRepository(new JdbiTransactions(TestDatabases.h2().jdbi()));

    @Override
    protected ProductRepository products() {
        return PRODUCTS;
    }
}
