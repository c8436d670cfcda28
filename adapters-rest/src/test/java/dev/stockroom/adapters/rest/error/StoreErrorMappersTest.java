package dev.stockroom.adapters.rest.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.shared.InvalidData;
import dev.stockroom.core.shared.StorageFault;
import dev.stockroom.core.shared.StorageUnavailable;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Issue 8: each class of database error has its own status, all in the envelope, none with SQL. */
class StoreErrorMappersTest {
    private final SQLException cause = new SQLException("ERROR: SELECT secret FROM users", "22021");

    @Test
    void an_outage_is_503_with_retry_after() {
        Response response = new StorageUnavailableMapper().toResponse(new StorageUnavailable("down", cause));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(body(response).status()).isFalse();
        assertThat(body(response).message()).doesNotContain("SELECT");
    }

    @Test
    void data_the_database_refused_is_400() {
        Response response = new InvalidDataMapper().toResponse(new InvalidData("refused", cause));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).status()).isFalse();
        assertThat(body(response).message())
                .isEqualTo(InvalidDataMapper.MESSAGE)
                .doesNotContain("SELECT");
    }

    @Test
    void any_other_database_failure_is_a_500_with_an_error_id() {
        Response response = new UnexpectedExceptionMapper().toResponse(new StorageFault("A statement failed", cause));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response).message())
                .matches("Something went wrong on our side \\(error [0-9a-f]+\\)\\.")
                .doesNotContain("SELECT");
    }

    private static ErrorBody body(Response response) {
        return (ErrorBody) response.getEntity();
    }
}
