package dev.stockroom.core.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 8: a NUL (or any control character) in the admin's user search is refused before it reaches SQL. */
class UserQueryTest {

    @Test
    void refuses_control_characters_in_the_search() {
        for (String search : new String[] {"ad\u0000a", "\u0000", "ad\u0007a"}) {
            assertThatThrownBy(() -> UserQuery.parse(search, null, null, null, null, null))
                    .as(search)
                    .isInstanceOf(AccountFailure.InvalidInput.class);
        }
        assertThat(UserQuery.parse(" ada ", null, null, null, null, null).search())
                .contains("ada");
    }
}
