package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.UserId;

/**
 * Whether a user has two-factor sign-in on, and checking a code for it: what a use case that must
 * re-authenticate the user (deleting the account, say) asks before it acts. Two-factor sign-in
 * implements it; {@link #NONE} stands in where no second factor is wired.
 */
public interface SecondFactorCheck {

    /** No second factors: never enabled, so no use case ever asks for a code. */
    SecondFactorCheck NONE = new SecondFactorCheck() {
        @Override
        public boolean isEnabled(UserId user) {
            return false;
        }

        @Override
        public void verify(UserId user, String code) {
            throw new IllegalStateException("no second factor is enabled for " + user);
        }
    };

    boolean isEnabled(UserId user);

    /**
     * Accepts a current TOTP code or an unused recovery code of the user's, and spends it (a code
     * is accepted once per time step, a recovery code once).
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure when the code is wrong, reused or
     *     the user is throttled
     */
    void verify(UserId user, String code);
}
