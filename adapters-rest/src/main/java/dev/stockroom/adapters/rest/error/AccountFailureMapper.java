package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AccountFailure.AlreadyVerified;
import dev.stockroom.core.account.domain.AccountFailure.CodeExpired;
import dev.stockroom.core.account.domain.AccountFailure.EmailTaken;
import dev.stockroom.core.account.domain.AccountFailure.InvalidCredentials;
import dev.stockroom.core.account.domain.AccountFailure.InvalidInput;
import dev.stockroom.core.account.domain.AccountFailure.NotVerified;
import dev.stockroom.core.account.domain.AccountFailure.SessionEnded;
import dev.stockroom.core.account.domain.AccountFailure.Throttled;
import dev.stockroom.core.account.domain.AccountFailure.TooManyAttempts;
import dev.stockroom.core.account.domain.AccountFailure.UserNotFound;
import dev.stockroom.core.account.domain.AccountFailure.UsernameTaken;
import dev.stockroom.core.account.domain.AccountFailure.WrongCode;
import dev.stockroom.core.account.domain.AccountFailure.WrongPassword;
import dev.stockroom.core.account.domain.AccountFailure.WrongTokenKind;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Every account failure has exactly one HTTP status; a new one must be added here to compile. */
final class AccountFailureMapper implements ExceptionMapper<AccountFailure> {

    static final AccountFailure.Cases<Integer> STATUS = new AccountFailure.Cases<>() {
        @Override public Integer invalidInput(InvalidInput f) { return 400; }
        @Override public Integer usernameTaken(UsernameTaken f) { return 400; }
        @Override public Integer emailTaken(EmailTaken f) { return 400; }
        @Override public Integer invalidCredentials(InvalidCredentials f) { return 401; }
        @Override public Integer sessionEnded(SessionEnded f) { return 401; }
        @Override public Integer wrongCode(WrongCode f) { return 400; }
        @Override public Integer codeExpired(CodeExpired f) { return 400; }
        @Override public Integer tooManyAttempts(TooManyAttempts f) { return 400; }
        @Override public Integer throttled(Throttled f) { return 429; }
        @Override public Integer notVerified(NotVerified f) { return 403; }
        @Override public Integer alreadyVerified(AlreadyVerified f) { return 400; }
        @Override public Integer wrongTokenKind(WrongTokenKind f) { return 403; }
        @Override public Integer wrongPassword(WrongPassword f) { return 400; }
        @Override public Integer userNotFound(UserNotFound f) { return 404; }
        @Override public Integer notAdmin(AccountFailure.NotAdmin f) { return 403; }
        @Override public Integer lastAdmin(AccountFailure.LastAdmin f) { return 400; }
        @Override public Integer sessionNotFound(AccountFailure.SessionNotFound f) { return 404; }
    };

    @Override
    public Response toResponse(AccountFailure failure) {
        Response response = ErrorResponses.of(failure.match(STATUS), failure.getMessage(), failure.fieldErrors());
        if (failure instanceof Throttled throttled) {
            return ErrorResponses.withRetryAfter(response, throttled.retryAfter());
        }
        return response;
    }
}
