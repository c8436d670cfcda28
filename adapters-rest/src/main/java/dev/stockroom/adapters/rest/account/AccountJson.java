package dev.stockroom.adapters.rest.account;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.port.in.Profile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The account API's JSON bodies, named as in the sketch. Requests ignore fields they do not know
 * (clients of the sketch send extras); the sketch's misspelling {@code conform_password} is read
 * as {@code confirm_password} and never written.
 */
final class AccountJson {
    private AccountJson() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegisterRequest(
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("username") String username,
            @JsonProperty("email") String email,
            @JsonProperty("password") String password,

            @JsonProperty("confirm_password") @JsonAlias("conform_password")
            String confirmPassword,

            @JsonProperty("locale") String locale) {
        static final RegisterRequest EMPTY = new RegisterRequest(null, null, null, null, null, null, null);
    }

    /** What {@code PATCH /users/me/} reads (the OpenAPI document's view; {@link ProfileFields} reads it). */
    @Schema(name = "ProfileUpdate")
    record ProfileUpdateRequest(
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,

            @Schema(description = "A BCP 47 language tag such as de or pt-BR", example = "de") @JsonProperty("locale")
            String locale) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CodeRequest(@JsonProperty("code") String code) {
        static final CodeRequest EMPTY = new CodeRequest(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LoginRequest(
            @JsonProperty("username") String username,
            @JsonProperty("password") String password,
            @JsonProperty("device_token") String deviceToken) {
        static final LoginRequest EMPTY = new LoginRequest(null, null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {
        static final RefreshRequest EMPTY = new RefreshRequest(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LogoutRequest(
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("all") Boolean all) {
        static final LogoutRequest EMPTY = new LogoutRequest(null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EmailRequest(@JsonProperty("email") String email) {
        static final EmailRequest EMPTY = new EmailRequest(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResetCodeRequest(
            @JsonProperty("email") String email,
            @JsonProperty("code") String code) {
        static final ResetCodeRequest EMPTY = new ResetCodeRequest(null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PasswordUpdateRequest(
            @JsonProperty("password") String password,

            @JsonProperty("confirm_password") @JsonAlias("conform_password")
            String confirmPassword,

            @JsonProperty("old_password") String oldPassword) {
        static final PasswordUpdateRequest EMPTY = new PasswordUpdateRequest(null, null, null);
    }

    /** Success bodies: {@code status: true} and whichever of the other keys the endpoint sends. */
    @Schema(name = "AccountReply")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(
            @JsonProperty("status") boolean status,
            @JsonProperty("message") String message,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn,
            @JsonProperty("auth_status") String authStatus,
            @JsonProperty("data") ProfileBody data,
            @JsonProperty("device_token") String deviceToken) {

        static Reply message(String message) {
            return new Reply(true, message, null, null, null, null, null, null, null);
        }

        static Reply profile(ProfileBody data) {
            return new Reply(true, null, null, null, null, null, null, data, null);
        }
    }

    /** One of the caller's sessions, as {@code GET /users/sessions/} lists them. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionBody(
            @JsonProperty("id") String id,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("last_used_at") String lastUsedAt,
            @JsonProperty("ip") String ip,
            @JsonProperty("user_agent") String userAgent,
            @JsonProperty("current") boolean current) {

        static SessionBody from(Session session, SessionId current) {
            return new SessionBody(
                    session.id().toString(),
                    session.createdAt().toString(),
                    session.lastUsedAt().toString(),
                    session.origin().address().orElse(null),
                    session.origin().userAgent().orElse(null),
                    session.id().equals(current));
        }
    }

    record SessionsReply(
            @JsonProperty("status") boolean status,
            @JsonProperty("results") List<SessionBody> results) {}

    record ProfileBody(
            @JsonProperty("id") String id,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            @JsonProperty("username") String username,
            @JsonProperty("email") String email,
            @JsonProperty("auth_status") String authStatus,
            @JsonProperty("role") String role,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("locale") String locale) {

        static ProfileBody from(Profile p) {
            return new ProfileBody(
                    p.id().toString(),
                    p.firstName().value(),
                    p.lastName().value(),
                    p.username().value(),
                    p.email().value(),
                    p.status().name(),
                    p.role().name(),
                    p.createdAt().toString(),
                    p.locale().value());
        }
    }
}
