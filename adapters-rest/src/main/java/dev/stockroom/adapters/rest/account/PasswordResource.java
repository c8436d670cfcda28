package dev.stockroom.adapters.rest.account;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import dev.stockroom.adapters.rest.http.RequestOrigin;
import dev.stockroom.adapters.rest.security.StockroomPrincipal;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.port.in.NewPasswordCommand;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.VerifyResetCodeCommand;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;

@Timed
@ExceptionMetered
@Path("/users/password")
@Produces(MediaType.APPLICATION_JSON)
public final class PasswordResource {
    private final PasswordRecovery recovery;
    private final Tokens tokens;

    PasswordResource(PasswordRecovery recovery, Tokens tokens) {
        this.recovery = recovery;
        this.tokens = tokens;
    }

    @POST
    @Path("/forget")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply forget(AccountJson.EmailRequest body) {
        recovery.forget(
                Objects.requireNonNullElse(body, AccountJson.EmailRequest.EMPTY).email());
        return AccountJson.Reply.message("Code sent to email");
    }

    @POST
    @Path("/forget/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply verifyCode(AccountJson.ResetCodeRequest body) {
        AccountJson.ResetCodeRequest r = Objects.requireNonNullElse(body, AccountJson.ResetCodeRequest.EMPTY);
        AccountJson.Reply reply = tokens.reply(
                "Code verified; use the access token to set a new password",
                recovery.verifyCode(VerifyResetCodeCommand.of(r.email(), r.code())));
        // The reset token is not a login: no auth_status, no refresh token.
        return new AccountJson.Reply(
                true,
                reply.message(),
                reply.accessToken(),
                null,
                reply.tokenType(),
                reply.expiresIn(),
                null,
                null,
                null);
    }

    @POST
    @Path("/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountJson.Reply update(
            @Auth StockroomPrincipal caller,
            AccountJson.PasswordUpdateRequest body,
            @Context ContainerRequestContext request) {
        AccountJson.PasswordUpdateRequest r = Objects.requireNonNullElse(body, AccountJson.PasswordUpdateRequest.EMPTY);
        NewPasswordCommand command = NewPasswordCommand.of(r.password(), r.confirmPassword(), r.oldPassword());
        if (caller.user().kind() == SessionKind.PASSWORD_RESET) {
            recovery.reset(caller.user(), command, RequestOrigin.of(request));
        } else {
            recovery.change(caller.user(), command, RequestOrigin.of(request));
        }
        return AccountJson.Reply.message("Password changed");
    }
}
