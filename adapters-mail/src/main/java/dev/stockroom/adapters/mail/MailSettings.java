package dev.stockroom.adapters.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What every mail carries whichever way it leaves: the sender's address and, optionally, the name
 * shown beside it.
 */
public record MailSettings(String fromAddress, Optional<String> fromName) {

    public MailSettings {
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(fromName, "fromName");
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(fromAddress, true);
            parsed.validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a valid sender address: " + fromAddress, e);
        }
        // "Shop <shop@example.com>" parses too, but its name belongs in fromName.
        if (!parsed.getAddress().equals(fromAddress)) {
            throw new IllegalArgumentException("Give the sender address alone, the name as fromName: " + fromAddress);
        }
        fromName = fromName.map(String::strip).filter(name -> !name.isEmpty());
    }

    public MailSettings(String fromAddress) {
        this(fromAddress, Optional.empty());
    }

    /**
     * The sender as a mail header writes it: {@code shop@example.com}, {@code Shop <shop@example.com>}
     * or {@code "Shop, Inc." <shop@example.com>}.
     */
    public static MailSettings parse(String from) {
        Objects.requireNonNull(from, "from");
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(from.strip(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a valid sender: " + from + " (" + e.getMessage() + ")", e);
        }
        return new MailSettings(parsed.getAddress(), Optional.ofNullable(parsed.getPersonal()));
    }
}
