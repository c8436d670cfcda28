package dev.stockroom.adapters.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach the SMTP server. {@code timeout} bounds connecting, reading and writing
 * each, so an unreachable server fails a send within it instead of holding the relay.
 */
public record SmtpSettings(
        String host,
        int port,
        Optional<String> username,
        Optional<String> password,
        Transport transport,
        Duration timeout) {

    /** Long enough for a slow server, short enough that an outage shows at once. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How the connection is secured. */
    public enum Transport {
        /** Plain SMTP, upgraded with STARTTLS when the server offers it (port 25 or 587). */
        SMTP,
        /** TLS from the first byte (port 465). */
        SMTPS,
        /** STARTTLS required; the send fails if the server does not offer it (port 587). */
        SMTP_TLS
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("SMTP host is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
        username = username.filter(name -> !name.isBlank());
        password = password.filter(secret -> !secret.isEmpty());
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("SMTP password given without a username");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("SMTP timeout must be positive and under 24 days: " + timeout);
        }
    }

    /** An unauthenticated server with the default timeout. */
    public SmtpSettings(String host, int port, Transport transport) {
        this(host, port, Optional.empty(), Optional.empty(), transport, DEFAULT_TIMEOUT);
    }

    /** Never shows the password, only whether there is one. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username.orElse("(none)")
                + ", password=" + (password.isPresent() ? "(set)" : "(none)")
                + ", transport=" + transport + ", timeout=" + timeout + "]";
    }
}
