package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The end-to-end suites on each database the service runs on: the embedded default, the H2 file
 * database under the data directory as {@code server} runs with no file, and a real PostgreSQL, the
 * JVM's embedded one started by the tests. A suite on a database is one nested class: the service
 * it starts and the method that hands it to the suite.
 */
class OnEachDatabaseTest {
    @Nested
    class AccountFlowsOnH2 extends AccountFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class AccountFlowsOnPostgres extends AccountFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class AccountLifecycleFlowsOnH2 extends AccountLifecycleFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class UserLanguageFlowsOnH2 extends UserLanguageFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class TwoFactorFlowsOnH2 extends TwoFactorFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class AccountLifecycleFlowsOnPostgres extends AccountLifecycleFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class UserLanguageFlowsOnPostgres extends UserLanguageFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class TwoFactorFlowsOnPostgres extends TwoFactorFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class AdministrationFlowsOnH2 extends AdministrationFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    /**
     * On a database of its own: the audit trail's "nothing since now" reads the whole table, where a
     * suite that ran before on the shared one, its clock moved on, may have left later events.
     */
    @Nested
    class AdministrationFlowsOnPostgres extends AdministrationFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgresOfItsOwn();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    /** The catalogue; on H2 the photo files too are under the data directory. */
    @Nested
    class ProductSearchFlowsOnH2 extends ProductSearchFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class ProductSearchFlowsOnPostgres extends ProductSearchFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class CatalogFlowsOnH2 extends CatalogFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class CatalogFlowsOnPostgres extends CatalogFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class ProductImportFlowsOnH2 extends ProductImportFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class ProductImportFlowsOnPostgres extends ProductImportFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class CatalogueFieldsFlowsOnH2 extends CatalogueFieldsFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class CatalogueFieldsFlowsOnPostgres extends CatalogueFieldsFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    /** The catalogue with its photos in an S3 bucket (S3Mock in this JVM) instead of the data directory. */
    @Nested
    class CatalogFlowsOnH2WithS3 extends CatalogOnS3Test {
        static final PhotosOnS3 BUCKET = PhotosOnS3.newBucket();

        @RegisterExtension
        static final RunningStockroom STOCKROOM =
                RunningStockroom.onEmbeddedH2().with(BUCKET);

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }

        @Override
        PhotosOnS3 bucket() {
            return BUCKET;
        }
    }

    @Nested
    class CatalogFlowsOnPostgresWithS3 extends CatalogOnS3Test {
        static final PhotosOnS3 BUCKET = PhotosOnS3.newBucket();

        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres().with(BUCKET);

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }

        @Override
        PhotosOnS3 bucket() {
            return BUCKET;
        }
    }

    /** Two instances on one PostgreSQL database and one bucket, each with a data directory of its own. */
    @Nested
    class SharedBucketOnPostgres extends SharedBucketTest {
        static final PhotosOnS3 BUCKET = PhotosOnS3.newBucket();

        @RegisterExtension
        @Order(1)
        static final RunningStockroom FIRST = RunningStockroom.onPostgres().with(BUCKET);

        @RegisterExtension
        @Order(2)
        static final RunningStockroom SECOND =
                RunningStockroom.onPostgres().with(BUCKET).sendingMailTo(FIRST);

        @Override
        RunningStockroom first() {
            return FIRST;
        }

        @Override
        RunningStockroom second() {
            return SECOND;
        }
    }

    /** Stock and soft deletion; on databases of their own, as one test moves the clock a month on. */
    @Nested
    class StockAndDeletionFlowsOnH2 extends StockAndDeletionFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM =
                RunningStockroom.onEmbeddedH2().with(StockAndDeletionFlowsTest::housekeepingEverySecond);

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class StockAndDeletionFlowsOnPostgres extends StockAndDeletionFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM =
                RunningStockroom.onPostgresOfItsOwn().with(StockAndDeletionFlowsTest::housekeepingEverySecond);

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    /** Several images per product; on H2 the image files too are under the data directory. */
    @Nested
    class ImageFlowsOnH2 extends ImageFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    @Nested
    class ImageFlowsOnPostgres extends ImageFlowsTest {
        @RegisterExtension
        static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

        @Override
        RunningStockroom stockroom() {
            return STOCKROOM;
        }
    }

    /** Three instances on one database: on H2 the second and third reach the file through H2's AUTO_SERVER. */
    @Nested
    class AddressLimitsOnH2 extends AddressLimitsTest {
        @RegisterExtension
        @Order(1)
        static final RunningStockroom PROXIED =
                RunningStockroom.onEmbeddedH2().with(AddressLimitsTest::behindTheLoopbackProxy);

        @RegisterExtension
        @Order(2)
        static final RunningStockroom DIRECT = RunningStockroom.besides(PROXIED).with(AddressLimitsTest::withoutProxy);

        @RegisterExtension
        @Order(3)
        static final RunningStockroom UNLIMITED =
                RunningStockroom.besides(PROXIED).withEnvironment(limitsOff());

        @Override
        RunningStockroom proxied() {
            return PROXIED;
        }

        @Override
        RunningStockroom direct() {
            return DIRECT;
        }

        @Override
        RunningStockroom unlimited() {
            return UNLIMITED;
        }
    }

    @Nested
    class AddressLimitsOnPostgres extends AddressLimitsTest {
        @RegisterExtension
        @Order(1)
        static final RunningStockroom PROXIED =
                RunningStockroom.onPostgres().with(AddressLimitsTest::behindTheLoopbackProxy);

        @RegisterExtension
        @Order(2)
        static final RunningStockroom DIRECT = RunningStockroom.besides(PROXIED).with(AddressLimitsTest::withoutProxy);

        @RegisterExtension
        @Order(3)
        static final RunningStockroom UNLIMITED =
                RunningStockroom.besides(PROXIED).withEnvironment(limitsOff());

        @Override
        RunningStockroom proxied() {
            return PROXIED;
        }

        @Override
        RunningStockroom direct() {
            return DIRECT;
        }

        @Override
        RunningStockroom unlimited() {
            return UNLIMITED;
        }
    }

    /** Key A; the same service restarted with B current and A retired; and one on HS256. */
    @Nested
    class TokensOnH2 extends TokensTest {
        @RegisterExtension
        @Order(1)
        static final RunningStockroom CURRENT = RunningStockroom.onEmbeddedH2().with(TokensTest::signingWithA);

        @RegisterExtension
        @Order(2)
        static final RunningStockroom ROTATED =
                RunningStockroom.besides(CURRENT).with(TokensTest::rotatedToB);

        @RegisterExtension
        @Order(3)
        static final RunningStockroom HS256 = RunningStockroom.besides(CURRENT).with(TokensTest::onHs256);

        @Override
        RunningStockroom current() {
            return CURRENT;
        }

        @Override
        RunningStockroom rotated() {
            return ROTATED;
        }

        @Override
        RunningStockroom hs256() {
            return HS256;
        }
    }

    @Nested
    class TokensOnPostgres extends TokensTest {
        @RegisterExtension
        @Order(1)
        static final RunningStockroom CURRENT = RunningStockroom.onPostgres().with(TokensTest::signingWithA);

        @RegisterExtension
        @Order(2)
        static final RunningStockroom ROTATED =
                RunningStockroom.besides(CURRENT).with(TokensTest::rotatedToB);

        @RegisterExtension
        @Order(3)
        static final RunningStockroom HS256 = RunningStockroom.besides(CURRENT).with(TokensTest::onHs256);

        @Override
        RunningStockroom current() {
            return CURRENT;
        }

        @Override
        RunningStockroom rotated() {
            return ROTATED;
        }

        @Override
        RunningStockroom hs256() {
            return HS256;
        }
    }
}
