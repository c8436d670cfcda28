package dev.stockroom.core.testing;

/**
 * Every in-memory driven adapter, wired to one {@link InMemoryTransactions} so that a failed unit
 * of work rolls all of them back.
 */
public final class InMemoryAdapters {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    private final InMemorySessionRepository sessions = new InMemorySessionRepository(transactions);
    private final InMemoryOneTimeCodeRepository codes = new InMemoryOneTimeCodeRepository(transactions);
    private final InMemoryOutbox outbox = new InMemoryOutbox(transactions);
    private final RecordingMailSender mailSender = new RecordingMailSender();

    public InMemoryTransactions transactions() {
        return transactions;
    }

    public InMemoryUserRepository users() {
        return users;
    }

    public InMemorySessionRepository sessions() {
        return sessions;
    }

    public InMemoryOneTimeCodeRepository codes() {
        return codes;
    }

    public InMemoryOutbox outbox() {
        return outbox;
    }

    public RecordingMailSender mailSender() {
        return mailSender;
    }
}
