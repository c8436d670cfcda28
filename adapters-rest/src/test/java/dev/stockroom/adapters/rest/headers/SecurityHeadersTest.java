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

    @Test
    void only_the_docs_page_gets_the_policy_that_lets_it_run_its_own_scripts_and_styles() {
        for (String path : new String[] {"/docs", "/docs/", "/docs/swagger-ui/swagger-ui-bundle.js"}) {
            assertThat(headersFor(path, false))
                    .as(path)
                    .containsEntry("Content-Security-Policy", SecurityHeaders.DOCS_POLICY)
                    .containsEntry("X-Content-Type-Options", "nosniff")
                    .containsEntry("Referrer-Policy", "no-referrer");
        }
        assertThat(SecurityHeaders.DOCS_POLICY)
                .startsWith("default-src 'none';")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        // Jersey's paths (no leading '/'), look-alikes and Jetty's own errors keep the strict policy.
        for (String path : new String[] {"docs/", "/docsx", "/products/docs/", "/openapi.json"}) {
            assertThat(headersFor(path, false).get("Content-Security-Policy"))
                    .as(path)
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
        assertThat(headersFor("/docs/", true).get("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }
}
