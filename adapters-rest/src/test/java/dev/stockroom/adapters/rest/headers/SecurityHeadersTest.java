package dev.stockroom.adapters.rest.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static Map<String, String> headersFor(String path, boolean error) {
        Map<String, String> headers = new LinkedHashMap<>();
        SecurityHeaders.apply(path, error, headers::put);
        return headers;
    }

    @Test
    void account_paths_are_found_however_jersey_would_still_match_them() {
        for (String path : new String[] {
            "/users",
            "/users/",
            "/users/me",
            "users/me",
            "//users/me",
            "/users;v=1/me",
            "/USERS/me",
            "/admin",
            "/admin/users/7/"
        }) {
            assertThat(SecurityHeaders.carriesAccountData(path)).as(path).isTrue();
        }
        for (String path :
                new String[] {"", "/", "/products/", "/usersx/me", "/media/users", "/products/users", "/administrator"
                }) {
            assertThat(SecurityHeaders.carriesAccountData(path)).as(path).isFalse();
        }
        assertThat(SecurityHeaders.carriesAccountData(null)).isFalse();
    }

    @Test
    void every_response_gets_nosniff_no_referrer_and_the_strict_policy_and_account_data_no_store() {
        Map<String, String> product = headersFor("/products/1/detail", false);
        Map<String, String> account = headersFor("/users/me", false);
        Map<String, String> jettyError = headersFor("/products/%zz", true);

        assertThat(product)
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .doesNotContainKeys("Cache-Control", "Pragma");
        assertThat(account)
                .containsAllEntriesOf(product)
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Pragma", "no-cache");
        assertThat(jettyError).isEqualTo(account);
    }
}
