package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.TrustedDevicesContract;

/** TrustedDevicesContract on a fresh in-memory H2 database of its own. */
class H2TrustedDevicesTest extends TrustedDevicesContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.h2().jdbi());

    @Override
    protected TrustedDevices devices() {
        return DATABASE.devices();
    }

    @Override
    protected UserRepository users() {
        return DATABASE.users();
    }
}
