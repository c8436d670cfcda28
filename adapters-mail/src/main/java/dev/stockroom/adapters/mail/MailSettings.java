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
}
