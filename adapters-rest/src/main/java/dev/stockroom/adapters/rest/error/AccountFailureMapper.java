package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.account.domain.AccountFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The HTTP answer to every account failure, and the only place its status is written. */
final class AccountFailureMapper implements ExceptionMapper<AccountFailure> {

    /** No {@code default}: a new kind does not compile until it has a status here. */
    static int status(AccountFailure.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case USERNAME_TAKEN -> 400;
            case EMAIL_TAKEN -> 400;
            case INVALID_CREDENTIALS -> 401;
            case SESSION_ENDED -> 401;
            case WRONG_CODE -> 400;
            case CODE_EXPIRED -> 400;
            case TOO_MANY_ATTEMPTS -> 400;
            case THROTTLED -> 429;
            case NOT_VERIFIED -> 403;
            case ALREADY_VERIFIED -> 400;
            case WRONG_TOKEN_KIND -> 403;
            case WRONG_PASSWORD -> 400;
            case USER_NOT_FOUND -> 404;
            case NOT_ADMIN -> 403;
            case LAST_ADMIN -> 400;
            case SESSION_NOT_FOUND -> 404;
            case SECOND_FACTOR_REQUIRED -> 401;
            case SECOND_FACTOR_ON -> 409;
            case SECOND_FACTOR_OFF -> 409;
        };
    }

    @Override
    public Response toResponse(AccountFailure failure) {
        Response response = ErrorResponses.of(status(failure.kind()), failure.getMessage(), failure.fieldErrors());
        if (failure instanceof AccountFailure.Throttled throttled) {
            return ErrorResponses.withRetryAfter(response, throttled.retryAfter());
        }
        return response;
    }
}
