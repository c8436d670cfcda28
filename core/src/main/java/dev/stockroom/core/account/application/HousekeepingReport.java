package dev.stockroom.core.account.application;

/**
 * What one {@link AccountHousekeeping#purge()} deleted.
 *
 * @param sessions           ended sessions (with the unspent tokens they still held, not counted)
 * @param spentRefreshTokens spent refresh tokens
 * @param oneTimeCodes       used or expired one-time codes
 * @param loginAttempts      failed-login counts that no longer counted
 * @param deviceTokens       device tokens unused for their lifetime
 * @param auditEvents        audit events past their retention
 * @param rateCounts         counts of ended windows of the limits per client and email address
 */
public record HousekeepingReport(
        int sessions,
        int spentRefreshTokens,
        int oneTimeCodes,
        int loginAttempts,
        int deviceTokens,
        int auditEvents,
        int rateCounts) {

    public HousekeepingReport {
        if (sessions < 0
                || spentRefreshTokens < 0
                || oneTimeCodes < 0
                || loginAttempts < 0
                || deviceTokens < 0
                || auditEvents < 0
                || rateCounts < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** True when nothing was deleted. */
    public boolean isEmpty() {
        return sessions + spentRefreshTokens + oneTimeCodes + loginAttempts + deviceTokens + auditEvents + rateCounts
                == 0;
    }
}
