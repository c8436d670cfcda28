package dev.stockroom.core.testing;

import dev.stockroom.core.Stockroom;

/**
 * Every in-memory driven adapter, wired to one {@link InMemoryTransactions} so that a failed unit
 * of work rolls all of them back.
 */
public final class InMemoryAdapters {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    private final InMemorySessionRepository sessions = new InMemorySessionRepository(transactions);
    private final InMemoryOneTimeCodeRepository codes = new InMemoryOneTimeCodeRepository(transactions);
    private final InMemoryLoginAttempts loginAttempts = new InMemoryLoginAttempts(transactions);
    private final InMemoryTrustedDevices devices = new InMemoryTrustedDevices(transactions);
    private final InMemoryAuditLog audit = new InMemoryAuditLog(transactions);
    private final InMemoryEmailChangeRepository emailChanges = new InMemoryEmailChangeRepository(transactions);
    private final InMemorySecondFactors secondFactors = new InMemorySecondFactors(transactions);
    private final InMemoryOutbox outbox = new InMemoryOutbox(transactions);
    private final InMemoryRateCounters rateCounters = new InMemoryRateCounters(transactions);
    private final InMemoryProductRepository products = new InMemoryProductRepository(transactions);
    private final InMemoryPhotoStore photos = new InMemoryPhotoStore();
    private final InMemoryProductImageRepository productImages = new InMemoryProductImageRepository(transactions);
    private final RecordingMailSender mailSender = new RecordingMailSender();

    /**
     * A builder with every port set to these adapters; override any of them to test your own
     * adapter with the rest in memory: {@code adapters.stockroom().users(mine).build()}.
     */
    public Stockroom.Builder stockroom() {
        return Stockroom.builder()
                .users(users)
                .sessions(sessions)
                .codes(codes)
                .loginAttempts(loginAttempts)
                .devices(devices)
                .audit(audit)
                .emailChanges(emailChanges)
                .secondFactors(secondFactors)
                .outbox(outbox)
                .mailSender(mailSender)
                .transactions(transactions)
                .products(products)
                .photos(photos)
                .productImages(productImages)
                .rateCounters(rateCounters);
    }

    public InMemoryProductRepository products() {
        return products;
    }

    public InMemoryProductImageRepository productImages() {
        return productImages;
    }

    public InMemoryPhotoStore photos() {
        return photos;
    }

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

    public InMemoryLoginAttempts loginAttempts() {
        return loginAttempts;
    }

    public InMemoryTrustedDevices devices() {
        return devices;
    }

    public InMemoryAuditLog audit() {
        return audit;
    }

    public InMemoryEmailChangeRepository emailChanges() {
        return emailChanges;
    }

    public InMemorySecondFactors secondFactors() {
        return secondFactors;
    }

    public InMemoryOutbox outbox() {
        return outbox;
    }

    public InMemoryRateCounters rateCounters() {
        return rateCounters;
    }

    public RecordingMailSender mailSender() {
        return mailSender;
    }
}
