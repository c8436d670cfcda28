package dev.stockroom.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.Stockroom;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.UserRepositoryContract;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.testing.InMemoryAdapters;
import dev.stockroom.core.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * README's "Swapping an adapter in a test", on core's test-jar alone: the adapter under test among
 * the in-memory adapters, then proved against the same contract as Stockroom's own stores.
 */
class SwappingAnAdapterTest {

    @Test
    void a_registration_goes_through_the_swapped_user_store_and_the_code_is_mailed() {
        InMemoryAdapters adapters = new InMemoryAdapters();
        RecordingUserRepository users = new RecordingUserRepository(adapters.users());
        Stockroom stockroom = adapters.stockroom()
                .users(users) // the adapter under test; everything else in memory
                .clock(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))
                .build();

        stockroom
                .registration()
                .register(RegisterCommand.of(
                        "Ada",
                        "Lovelace",
                        "ada",
                        "ada@example.com",
                        "velvet harbor quietly 1987",
                        "velvet harbor quietly 1987"));
        stockroom.mailRelay().relayDue();

        assertThat(users.added()).containsExactly("ada");
        Notification mail = adapters.mailSender().delivered().get(0);
        assertThat(mail.kind()).isEqualTo(NotificationKind.VERIFICATION_CODE);
        assertThat(mail.recipient()).isEqualTo("ada@example.com");
        assertThat(mail.value(Notification.CODE)).matches("\\d{6}");
    }

    /** The swapped adapter meets UserRepository's contract (over the in-memory store it wraps). */
    @Nested
    class RecordingUserRepositoryContractTest extends UserRepositoryContract {
        private final InMemoryAdapters stores = new InMemoryAdapters();
        private final RecordingUserRepository users = new RecordingUserRepository(stores.users());

        @Override
        protected UserRepository users() {
            return users;
        }

        @Override
        protected EmptyStore emptyStore() {
            InMemoryAdapters empty = new InMemoryAdapters();
            return new EmptyStore(new RecordingUserRepository(empty.users()), empty.transactions());
        }
    }
}
