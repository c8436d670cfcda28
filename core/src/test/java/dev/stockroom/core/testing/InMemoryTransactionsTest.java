package dev.stockroom.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryTransactionsTest {
    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    private final InMemoryAdapters stores = new InMemoryAdapters();

    private static User user(String name) {
        return User.register(
                UserId.random(),
                new PersonName("Ada"),
                new PersonName("Lovelace"),
                new Username(name),
                new EmailAddress(name + "@example.com"),
                "hash",
                NOW);
    }

    private static Notification notice(String to) {
        return new Notification(
                NotificationKind.PASSWORD_CHANGED,
                to,
                Map.of(Notification.FIRST_NAME, "Ada", Notification.CHANGED_AT, NOW.toString()));
    }

    @Test
    void a_unit_of_work_that_throws_leaves_every_store_as_it_was() {
        User kept = user("kept");
        stores.users().add(kept);
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> stores.transactions().run(() -> {
                    stores.users().add(user("ada"));
                    stores.users().update(kept.verified(NOW));
                    stores.outbox().enqueue(notice("ada@example.com"), NOW);
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(stores.users().findByUsername(new Username("ada"))).isEmpty();
        assertThat(stores.users().findById(kept.id())).contains(kept);
        assertThat(stores.outbox().pending()).isEmpty();
    }

    @Test
    void a_unit_of_work_that_returns_keeps_its_changes() {
        String result = stores.transactions().inTransaction(() -> {
            stores.users().add(user("ada"));
            stores.outbox().enqueue(notice("ada@example.com"), NOW);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(stores.users().findByUsername(new Username("ada"))).isPresent();
        assertThat(stores.outbox().pending()).hasSize(1);
    }

    @Test
    void an_inner_unit_joins_the_outer_one_and_rolls_back_with_it() {
        assertThatThrownBy(() -> stores.transactions().run(() -> {
                    stores.transactions().run(() -> stores.users().add(user("ada")));
                    throw new IllegalStateException("outer fails after the inner finished");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(stores.users().findByUsername(new Username("ada"))).isEmpty();
    }
}
