package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.Origin;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The second step of a login with two-factor sign-in on: the {@code mfa_token} the first step
 * answered and either a TOTP {@code code} or a {@code recovery_code}.
 */
public record SecondFactorLogInCommand(String mfaToken, SecondFactorCode code, Origin origin) {
    private static final int MAX_TOKEN_LENGTH = 128;

    public SecondFactorLogInCommand {
        Objects.requireNonNull(mfaToken, "mfaToken");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * From the request's fields.
     *
     * @throws AccountFailure.InvalidInput when {@code mfa_token} is missing, or not exactly one of
     *     {@code code} and {@code recovery_code} is given, or it is malformed
     */
    public static SecondFactorLogInCommand of(String mfaToken, String code, String recoveryCode, Origin origin) {
        if (mfaToken == null || mfaToken.isBlank()) {
            throw AccountFailure.InvalidInput.of("mfa_token", "This field is required.");
        }
        String token = mfaToken.strip();
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw AccountFailure.InvalidInput.of("mfa_token", "Not a token of ours.");
        }
        boolean hasCode = code != null && !code.isBlank();
        boolean hasRecovery = recoveryCode != null && !recoveryCode.isBlank();
        if (hasCode == hasRecovery) {
            String message = hasCode ? "Give code or recovery_code, not both." : "Give code or recovery_code.";
            throw new AccountFailure.InvalidInput(Map.of("code", List.of(message), "recovery_code", List.of(message)));
        }
        SecondFactorCode factor = hasCode
                ? SecondFactorCode.totp("code", code)
                : SecondFactorCode.recovery("recovery_code", recoveryCode);
        return new SecondFactorLogInCommand(token, factor, origin);
    }

    /** Never prints the token or the code. */
    @Override
    public String toString() {
        return "SecondFactorLogInCommand[" + code + "]";
    }
}
