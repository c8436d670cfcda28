package dev.stockroom.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.shared.StorageFault;
import dev.stockroom.core.shared.StorageUnavailable;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** No JDBI or SQL exception crosses a port: failures of the database arrive as the core exception for their cause. */
class StorageFailureTest {

    @Test
    void reports_an_unreachable_database_as_unavailable() {
        // IFEXISTS refuses to create the database, so every connection attempt fails.
        StockroomDatabase unreachable =
                new StockroomDatabase(Jdbi.create("jdbc:h2:mem:absent-" + UUID.randomUUID() + ";IFEXISTS=TRUE"));

        assertThat(unreachable.ping()).isFalse();
        assertThatThrownBy(() -> unreachable.users().findById(UserId.random())).isInstanceOf(StorageUnavailable.class);
        assertThatThrownBy(() -> unreachable.transactions().run(() -> {})).isInstanceOf(StorageUnavailable.class);
        assertThatThrownBy(() -> unreachable.outbox().claimDue(Instant.EPOCH, 1, Instant.EPOCH))
                .isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void reports_a_statement_the_schema_does_not_allow_as_a_fault_not_an_outage() {
        // A database without the schema: every statement fails.
        StockroomDatabase unmigrated = new StockroomDatabase(Jdbi.create(
                "jdbc:h2:mem:empty-" + UUID.randomUUID() + ";" + StockroomDatabase.H2_MODE + ";DB_CLOSE_DELAY=-1"));

        assertThat(unmigrated.ping()).isTrue();
        // A missing table is a bug (SQLSTATE 42S02), not an outage: 500 with an error id, not 503.
        assertThatThrownBy(() -> unmigrated.users().findById(UserId.random()))
                .isInstanceOf(StorageFault.class)
                .hasMessageNotContaining("SELECT");
        assertThatThrownBy(() ->
                        unmigrated.transactions().run(() -> unmigrated.outbox().stats()))
                .isInstanceOf(StorageFault.class);
    }
}
