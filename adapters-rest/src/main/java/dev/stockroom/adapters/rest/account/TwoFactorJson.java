package dev.stockroom.adapters.rest.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The JSON bodies of two-factor sign-in; requests ignore fields they do not know, as the account API's do. */
final class TwoFactorJson {
    private TwoFactorJson() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PasswordRequest(@JsonProperty("password") String password) {
        static final PasswordRequest EMPTY = new PasswordRequest(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DisableRequest(
            @JsonProperty("password") String password,
            @JsonProperty("code") String code) {
        static final DisableRequest EMPTY = new DisableRequest(null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LoginRequest(
            @JsonProperty("mfa_token") String mfaToken,
            @JsonProperty("code") String code,
            @JsonProperty("recovery_code") String recoveryCode) {
        static final LoginRequest EMPTY = new LoginRequest(null, null, null);
    }

    /** A new pending secret: Base32 to type in, the URI for a QR code. */
    @Schema(name = "TotpSetupReply")
    record SetupReply(
            @JsonProperty("status") boolean status,
            @JsonProperty("secret") String secret,
            @JsonProperty("otpauth_url") String otpauthUrl) {}

    @Schema(name = "TotpConfirmReply")
    record ConfirmReply(
            @JsonProperty("status") boolean status,
            @JsonProperty("message") String message,
            @JsonProperty("recovery_codes") List<String> recoveryCodes) {}

    /** A right password of a user with two-factor sign-in on: no tokens yet, a token for {@code /users/login/mfa/}. */
    @Schema(name = "MfaRequiredReply")
    record MfaRequiredReply(
            @JsonProperty("status") boolean status,
            @JsonProperty("mfa_required") boolean mfaRequired,
            @JsonProperty("mfa_token") String mfaToken,
            @JsonProperty("expires_in") long expiresIn) {}
}
