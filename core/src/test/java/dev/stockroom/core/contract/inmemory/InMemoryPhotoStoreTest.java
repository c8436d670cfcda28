package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.contract.PhotoStoreContract;
import dev.stockroom.core.testing.InMemoryPhotoStore;

class InMemoryPhotoStoreTest extends PhotoStoreContract {
    private static final InMemoryPhotoStore PHOTOS = new InMemoryPhotoStore();

    @Override
    protected PhotoStore photos() {
        return PHOTOS;
    }
}
