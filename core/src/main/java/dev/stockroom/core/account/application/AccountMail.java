package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The notifications the account use cases put into the outbox, each in its user's language. None
 * ever carries a password.
 */
final class AccountMail {
    private final AccountPolicy policy;

    AccountMail(AccountPolicy policy) {
        this.policy = policy;
    }

    Notification verificationCode(User user, String code) {
        return codeMail(NotificationKind.VERIFICATION_CODE, user, code);
    }

    Notification passwordResetCode(User user, String code) {
        return codeMail(NotificationKind.PASSWORD_RESET_CODE, user, code);
    }

    Notification passwordChanged(User user, Instant changedAt) {
        return new Notification(
                NotificationKind.PASSWORD_CHANGED,
                user.email().value(),
                Map.of(
                        Notification.FIRST_NAME,
                        user.firstName().value(),
                        Notification.CHANGED_AT,
                        changedAt.toString()),
                user.locale());
    }

    /** To the new address: the code that makes the change. */
    Notification emailChangeCode(User user, EmailAddress newEmail, String code) {
        return new Notification(
                NotificationKind.EMAIL_CHANGE_CODE,
                newEmail.value(),
                Map.of(
                        Notification.FIRST_NAME,
                        user.firstName().value(),
                        Notification.CODE,
                        code,
                        Notification.EXPIRES_IN_MINUTES,
                        Long.toString(policy.codeLifetime().toMinutes())),
                user.locale());
    }

    /** To the address being left: what was asked, and the code that undoes it. */
    Notification emailChangeRequested(User user, EmailAddress newEmail, String undoCode, Duration undoLifetime) {
        return new Notification(
                NotificationKind.EMAIL_CHANGE_REQUESTED,
                user.email().value(),
                Map.of(
                        Notification.FIRST_NAME,
                        user.firstName().value(),
                        Notification.NEW_EMAIL,
                        newEmail.value(),
                        Notification.CODE,
                        undoCode,
                        Notification.EXPIRES_IN_DAYS,
                        Long.toString(undoLifetime.toDays())),
                user.locale());
    }

    Notification accountDeleted(User user, Instant deletedAt) {
        return new Notification(
                NotificationKind.ACCOUNT_DELETED,
                user.email().value(),
                Map.of(
                        Notification.FIRST_NAME,
                        user.firstName().value(),
                        Notification.DELETED_AT,
                        deletedAt.toString()),
                user.locale());
    }

    private Notification codeMail(NotificationKind kind, User user, String code) {
        return new Notification(
                kind,
                user.email().value(),
                Map.of(
                        Notification.FIRST_NAME,
                        user.firstName().value(),
                        Notification.CODE,
                        code,
                        Notification.EXPIRES_IN_MINUTES,
                        Long.toString(policy.codeLifetime().toMinutes())),
                user.locale());
    }
}
