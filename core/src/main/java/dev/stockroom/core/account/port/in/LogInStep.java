package dev.stockroom.core.account.port.in;

import java.time.Instant;
import java.util.Objects;

/** What the password step of a login answers: a session, or the demand for a second factor. */
public sealed interface LogInStep {

    /** Logged in: no second factor is on. */
    record Granted(SessionGrant grant) implements LogInStep {
        public Granted {
            Objects.requireNonNull(grant, "grant");
        }
    }

    /**
     * The password was right and two-factor sign-in is on: {@code mfaToken} (shown once, stored
     * only as a hash) and a code complete the login with
     * {@link Authentication#completeLogIn}, until {@code expiresAt}.
     */
    record SecondFactorRequired(String mfaToken, Instant expiresAt) implements LogInStep {
        public SecondFactorRequired {
            Objects.requireNonNull(mfaToken, "mfaToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "SecondFactorRequired[expiresAt=" + expiresAt + "]";
        }
    }
}
