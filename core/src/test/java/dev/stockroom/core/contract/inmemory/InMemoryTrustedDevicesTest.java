package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.TrustedDevicesContract;
import dev.stockroom.core.testing.InMemoryAdapters;

class InMemoryTrustedDevicesTest extends TrustedDevicesContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
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
