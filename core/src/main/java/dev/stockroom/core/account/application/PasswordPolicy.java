package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.Username;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B style): long enough and not too long, counted in
 * code points, any Unicode, no composition rules; not on the shipped list of common passwords;
 * not containing the user's own username or email local part. A password is never truncated.
 */
public final class PasswordPolicy {
    static final String TOO_COMMON = "This password is too common.";
    static final String RESEMBLES_ACCOUNT = "Must not contain your username or email.";
    // Shorter parts (say a username "bob") would refuse too many unrelated passwords.
    private static final int MIN_PART_LENGTH = 3;

    private final int minLength;
    private final int maxLength;

    private PasswordPolicy(int minLength, int maxLength) {
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public static PasswordPolicy from(AccountPolicy policy) {
        return new PasswordPolicy(policy.passwordMinLength(), policy.passwordMaxLength());
    }

    /** Every way {@code password} breaks the policy for this account, as sentences; empty when it is fine. */
    public List<String> problems(String password, Username username, EmailAddress email) {
        List<String> problems = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            problems.add("Must be at least " + minLength + " characters.");
        }
        if (length > maxLength) {
            problems.add("Must be at most " + maxLength + " characters.");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (CommonPasswords.SET.contains(folded)) {
            problems.add(TOO_COMMON);
        }
        if (containsPart(folded, username.key())
                || containsPart(folded, email.localPart().toLowerCase(Locale.ROOT))) {
            problems.add(RESEMBLES_ACCOUNT);
        }
        return List.copyOf(problems);
    }

    private static boolean containsPart(String foldedPassword, String foldedPart) {
        return foldedPart.codePointCount(0, foldedPart.length()) >= MIN_PART_LENGTH
                && foldedPassword.contains(foldedPart);
    }

    /** The shipped list, read on first use (initialisation-on-demand holder: once, thread-safe). */
    private static final class CommonPasswords {
        private static final String RESOURCE = "/dev/stockroom/core/account/common-passwords.txt";
        static final Set<String> SET = load();

        private static Set<String> load() {
            InputStream in = PasswordPolicy.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Set<String> set = new HashSet<>(65_536);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        set.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            return Set.copyOf(set);
        }
    }
}
