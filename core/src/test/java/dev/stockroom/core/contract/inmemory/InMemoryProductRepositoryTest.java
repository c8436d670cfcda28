package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.contract.ProductRepositoryContract;
import dev.stockroom.core.testing.InMemoryProductRepository;

class InMemoryProductRepositoryTest extends ProductRepositoryContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
    private static final InMemoryProductRepository PRODUCTS = new InMemoryProductRepository();

    @Override
    protected ProductRepository products() {
        return PRODUCTS;
    }
}
