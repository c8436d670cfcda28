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
        try {
            new InternetAddress(fromAddress, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a valid sender address: " + fromAddress, e);
        }
        fromName = fromName.map(String::strip).filter(name -> !name.isEmpty());
    }

    public MailSettings(String fromAddress) {
        this(fromAddress, Optional.empty());
    }
}
