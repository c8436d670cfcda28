package dev.stockroom.core.account.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.Username;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static final String KEY = "\uD83D\uDD11"; // one code point, two UTF-16 chars
    private static final Username USERNAME = new Username("ada.lovelace");
    private static final EmailAddress EMAIL = new EmailAddress("countess@example.com");

    private final PasswordPolicy policy = PasswordPolicy.from(AccountPolicy.defaults());

    private List<String> problems(String password) {
        return policy.problems(password, USERNAME, EMAIL);
    }

    @Test
    void length_is_counted_in_code_points() {
        assertThat(problems(KEY.repeat(11))).containsExactly("Must be at least 12 characters.");
        assertThat(problems(KEY.repeat(12))).isEmpty();
        assertThat(problems(KEY.repeat(128))).isEmpty();
        assertThat(problems(KEY.repeat(129))).containsExactly("Must be at most 128 characters.");
    }

    @Test
    void any_characters_without_composition_rules() {
        assertThat(problems("all lower case words")).isEmpty();
        assertThat(problems("пароль без правил")).isEmpty();
        assertThat(problems("            ")).isEmpty();
    }

    @Test
    void the_bounds_come_from_the_account_policy() {
        PasswordPolicy custom = PasswordPolicy.from(
                AccountPolicy.defaults().withSessionLifetime(Duration.ofDays(1)).withPasswordLength(16, 20));

        assertThat(custom.problems("x".repeat(15), USERNAME, EMAIL)).containsExactly("Must be at least 16 characters.");
        assertThat(custom.problems("x".repeat(21), USERNAME, EMAIL)).containsExactly("Must be at most 20 characters.");
    }

    @Test
    void a_common_password_is_refused_without_regard_to_case() {
        assertThat(problems("correcthorsebatterystaple")).containsExactly("This password is too common.");
        assertThat(problems("Password1234")).contains("This password is too common.");
        assertThat(problems("QWERTYUIOP123")).contains("This password is too common.");
    }

    @Test
    void a_password_containing_the_username_or_email_local_part_is_refused() {
        assertThat(problems("my name is Ada.Lovelace!")).containsExactly("Must not contain your username or email.");
        assertThat(problems("the COUNTESS of numbers")).containsExactly("Must not contain your username or email.");
    }

    @Test
    void parts_shorter_than_three_characters_are_not_looked_for() {
        PasswordPolicy p = PasswordPolicy.from(AccountPolicy.defaults());
        assertThat(p.problems("a bob and an al walk in", new Username("bob"), new EmailAddress("al@example.com")))
                .containsExactly("Must not contain your username or email.");
        assertThat(p.problems("an al walks into a bar", new Username("zed"), new EmailAddress("al@example.com")))
                .isEmpty();
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertThat(problems("countess"))
                .containsExactly(
                        "Must be at least 12 characters.",
                        "This password is too common.",
                        "Must not contain your username or email.");
    }
}
