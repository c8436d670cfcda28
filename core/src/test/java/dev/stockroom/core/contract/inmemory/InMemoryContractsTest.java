package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.SecondFactorRepository;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.contract.AuditLogContract;
import dev.stockroom.core.contract.EmailChangeRepositoryContract;
import dev.stockroom.core.contract.LoginAttemptsContract;
import dev.stockroom.core.contract.OneTimeCodeRepositoryContract;
import dev.stockroom.core.contract.OutboxContract;
import dev.stockroom.core.contract.PhotoStoreContract;
import dev.stockroom.core.contract.ProductAttributesContract;
import dev.stockroom.core.contract.ProductImageRepositoryContract;
import dev.stockroom.core.contract.ProductRepositoryContract;
import dev.stockroom.core.contract.ProductStockAndDeletionContract;
import dev.stockroom.core.contract.RateCountersContract;
import dev.stockroom.core.contract.SecondFactorRepositoryContract;
import dev.stockroom.core.contract.SessionRepositoryContract;
import dev.stockroom.core.contract.TransactionsContract;
import dev.stockroom.core.contract.TrustedDevicesContract;
import dev.stockroom.core.contract.UserRepositoryContract;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.testing.InMemoryAdapters;
import dev.stockroom.core.testing.InMemoryPhotoStore;
import dev.stockroom.core.testing.InMemoryProductRepository;
import dev.stockroom.core.throttling.port.out.RateCounters;
import org.junit.jupiter.api.Nested;

/**
 * Every port contract on the in-memory adapters, one nested class per contract. Each class's
 * stores are shared by all its tests, as a database would be: the contracts must isolate by data.
 */
class InMemoryContractsTest {
    @Nested
    class AuditLogTest extends AuditLogContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected AuditLog audit() {
            return STORES.audit();
        }
    }

    @Nested
    class EmailChangeRepositoryTest extends EmailChangeRepositoryContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected EmailChangeRepository changes() {
            return STORES.emailChanges();
        }

        @Override
        protected UserRepository users() {
            return STORES.users();
        }
    }

    @Nested
    class LoginAttemptsTest extends LoginAttemptsContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected LoginAttempts attempts() {
            return STORES.loginAttempts();
        }
    }

    @Nested
    class OneTimeCodeRepositoryTest extends OneTimeCodeRepositoryContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected OneTimeCodeRepository codes() {
            return STORES.codes();
        }

        @Override
        protected UserRepository users() {
            return STORES.users();
        }
    }

    @Nested
    class OutboxTest extends OutboxContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected Outbox outbox() {
            return STORES.outbox();
        }
    }

    @Nested
    class PhotoStoreTest extends PhotoStoreContract {
        private static final InMemoryPhotoStore PHOTOS = new InMemoryPhotoStore();

        @Override
        protected PhotoStore photos() {
            return PHOTOS;
        }
    }

    @Nested
    class ProductAttributesTest extends ProductAttributesContract {
        private static final InMemoryProductRepository PRODUCTS = new InMemoryProductRepository();

        @Override
        protected ProductRepository products() {
            return PRODUCTS;
        }
    }

    @Nested
    class ProductImageRepositoryTest extends ProductImageRepositoryContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected ProductImageRepository images() {
            return STORES.productImages();
        }

        @Override
        protected ProductRepository products() {
            return STORES.products();
        }
    }

    @Nested
    class ProductRepositoryTest extends ProductRepositoryContract {
        private static final InMemoryProductRepository PRODUCTS = new InMemoryProductRepository();

        @Override
        protected ProductRepository products() {
            return PRODUCTS;
        }
    }

    @Nested
    class ProductStockAndDeletionTest extends ProductStockAndDeletionContract {
        private static final InMemoryProductRepository PRODUCTS = new InMemoryProductRepository();

        @Override
        protected ProductRepository products() {
            return PRODUCTS;
        }
    }

    @Nested
    class RateCountersTest extends RateCountersContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected RateCounters counters() {
            return STORES.rateCounters();
        }

        @Override
        protected Transactions transactions() {
            return STORES.transactions();
        }
    }

    @Nested
    class SecondFactorRepositoryTest extends SecondFactorRepositoryContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected SecondFactorRepository factors() {
            return STORES.secondFactors();
        }

        @Override
        protected UserRepository users() {
            return STORES.users();
        }
    }

    @Nested
    class SessionRepositoryTest extends SessionRepositoryContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected SessionRepository sessions() {
            return STORES.sessions();
        }

        @Override
        protected UserRepository users() {
            return STORES.users();
        }
    }

    @Nested
    class TransactionsTest extends TransactionsContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected Transactions transactions() {
            return STORES.transactions();
        }

        @Override
        protected UserRepository users() {
            return STORES.users();
        }

        @Override
        protected OneTimeCodeRepository codes() {
            return STORES.codes();
        }

        @Override
        protected Outbox outbox() {
            return STORES.outbox();
        }
    }

    @Nested
    class TrustedDevicesTest extends TrustedDevicesContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected TrustedDevices devices() {
            return STORES.devices();
        }

        @Override
        protected UserRepository users() {
            return STORES.users();
        }
    }

    @Nested
    class UserRepositoryTest extends UserRepositoryContract {
        private static final InMemoryAdapters STORES = new InMemoryAdapters();

        @Override
        protected UserRepository users() {
            return STORES.users();
        }

        @Override
        protected EmptyStore emptyStore() {
            InMemoryAdapters empty = new InMemoryAdapters();
            return new EmptyStore(empty.users(), empty.transactions());
        }
    }
}
