package dev.stockroom.adapters.persistence.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestStore;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.catalog.domain.Description;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.NewProductImage;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductName;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.contract.ProductImageRepositoryContract;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * ProductImageRepositoryContract on Stockroom's JDBI adapter, on each database: a fresh in-memory
 * H2 database of its own, and the JVM's shared embedded PostgreSQL.
 */
class JdbiProductImageRepositoryTest {
    @Nested
    class H2 extends OnADatabase {
        @Override
        TestStore store() {
            return TestStore.H2;
        }
    }

    @Nested
    class Postgres extends OnADatabase {
        @Override
        TestStore store() {
            return TestStore.POSTGRES;
        }
    }

    /** The contract on the adapters of one database, which the nested classes choose. */
    abstract static class OnADatabase extends ProductImageRepositoryContract {
        abstract TestStore store();

        private StockroomDatabase database() {
            return store().adaptersFor(getClass());
        }

        @Test
        void the_rows_go_with_their_product() {
            ProductRepository products = products();
            Product product = products.add(new NewProduct(
                    UserId.random(),
                    new ProductDetails(
                            new ProductName("Cascade"),
                            Price.ZERO,
                            Description.EMPTY,
                            new Quantity(0),
                            Optional.empty()),
                    Instant.parse("2031-05-04T03:02:01Z")));
            SecureRandom random = new SecureRandom();
            images().add(new NewProductImage(
                    product.id(),
                    0,
                    PhotoKey.random(random, PhotoType.PNG),
                    PhotoKey.random(random, PhotoType.PNG),
                    PhotoKey.random(random, PhotoType.PNG)));

            assertThat(products.delete(product.id(), product.version())).isTrue();

            assertThat(images().imagesOf(product.id())).isEmpty();
        }

        @Override
        protected ProductImageRepository images() {
            return database().productImages();
        }

        @Override
        protected ProductRepository products() {
            return database().products();
        }
    }
}
