package dev.stockroom.bootstrap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.core.account.domain.AccountPolicy;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.request.logging.old.LogbackClassicRequestLogFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The service's settings. Every field has a default, so {@code server} runs with no file at all on
 * the embedded default (H2 file database and mail files under {@link #dataDir}). The
 * {@code STOCKROOM_*} environment variables are applied on top by {@link EnvironmentOverrides}.
 */
public class StockroomConfiguration extends Configuration {
    public static final String EMBEDDED_DATABASE = "embedded";

    @NotBlank
    private String dataDir = "./stockroom-data";

    /** The url {@value #EMBEDDED_DATABASE} means: the H2 file database under the data directory. */
    @Valid
    @NotNull
    private StockroomDataSourceFactory database = new StockroomDataSourceFactory();

    private boolean migrateOnStart = true;

    @Valid
    @NotNull
    private JwtSettings jwt = new JwtSettings();

    @Valid
    @NotNull
    private MailSettings mail = new MailSettings();

    @Valid
    @NotNull
    private AccountSettings accounts = new AccountSettings();

    @Valid
    @NotNull
    private PasswordHashingSettings passwordHashing = new PasswordHashingSettings();

    /** Limits per client address and per email address; a public field, as new settings are. */
    @JsonProperty
    @Valid
    @NotNull
    public ThrottlingSettings throttling = new ThrottlingSettings();

    /**
     * Where product photos are stored; empty: {@code <dataDir>/photos}. Several instances each keep
     * their own data directory (embedded database, generated key, mail files) but must share this
     * one (a shared file system), so that a photo written by one is served by every other.
     */
    @JsonProperty
    public String photosDir = "";

    /**
     * On stop (SIGTERM), how long the health check reports "draining" (unhealthy) while the
     * service still answers as usual, before the ports close and the requests in flight get
     * {@code server.shutdownGracePeriod} to finish: the time a load balancer needs to see the
     * health check fail and stop sending. 0: stop at once.
     */
    @JsonProperty
    @NotNull
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    public Duration drainDelay = Duration.seconds(0);

    public StockroomConfiguration() {
        database.setDriverClass("org.h2.Driver");
        database.setUrl(EMBEDDED_DATABASE);
        database.setUser("stockroom");
        database.setPassword("");
        // One line per request through logback-classic: the same facts as logback-access's
        // default line, at a fraction of the cost (logback-access copies every header, cookie and
        // attribute of every request for its asynchronous appender). "server.requestLog.type:
        // logback-access" in a file brings the other back.
        if (getServerFactory() instanceof AbstractServerFactory server) {
            server.setRequestLogFactory(new LogbackClassicRequestLogFactory());
        }
    }

    @JsonProperty
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @JsonIgnore
    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** The photo directory: {@link #photosDir}, or {@code photos} under the data directory. */
    @JsonIgnore
    public Path photosPath() {
        return photosDir == null || photosDir.isBlank() ? dataPath().resolve("photos")
                : Path.of(photosDir.strip()).toAbsolutePath().normalize();
    }

    @JsonProperty
    public StockroomDataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(StockroomDataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public JwtSettings getJwt() {
        return jwt;
    }

    @JsonProperty
    public void setJwt(JwtSettings jwt) {
        this.jwt = jwt;
    }

    @JsonProperty
    public MailSettings getMail() {
        return mail;
    }

    @JsonProperty
    public void setMail(MailSettings mail) {
        this.mail = mail;
    }

    @JsonProperty
    public PasswordHashingSettings getPasswordHashing() {
        return passwordHashing;
    }

    @JsonProperty
    public void setPasswordHashing(PasswordHashingSettings passwordHashing) {
        this.passwordHashing = passwordHashing;
    }

    @JsonProperty
    public AccountSettings getAccounts() {
        return accounts;
    }

    @JsonProperty
    public void setAccounts(AccountSettings accounts) {
        this.accounts = accounts;
    }

    /** The signing key of access tokens. */
    public static class JwtSettings {
        /** Base64 of at least 32 random bytes; when absent a key is generated and kept in the data directory. */
        private String secret;
        @NotBlank
        private String issuer = "stockroom";
        @NotBlank
        private String audience = "stockroom-api";

        @JsonProperty
        public String getSecret() {
            return secret;
        }

        @JsonProperty
        public void setSecret(String secret) {
            this.secret = secret;
        }

        @JsonProperty
        public String getIssuer() {
            return issuer;
        }

        @JsonProperty
        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        @JsonProperty
        public String getAudience() {
            return audience;
        }

        @JsonProperty
        public void setAudience(String audience) {
            this.audience = audience;
        }
    }

    /** Where mail goes: SMTP when {@code smtp.host} is set, otherwise {@code .eml} files. */
    public static class MailSettings {
        @NotBlank
        private String from = "Stockroom <no-reply@stockroom.local>";
        @Valid
        @NotNull
        private SmtpSettings smtp = new SmtpSettings();
        @NotNull
        private Duration relayInterval = Duration.seconds(1);
        /** Mails sent at once, over one reused SMTP connection each. */
        @Min(1)
        @Max(256)
        private int relayConnections = 8;

        @JsonProperty
        public String getFrom() {
            return from;
        }

        @JsonProperty
        public void setFrom(String from) {
            this.from = from;
        }

        @JsonProperty
        public SmtpSettings getSmtp() {
            return smtp;
        }

        @JsonProperty
        public void setSmtp(SmtpSettings smtp) {
            this.smtp = smtp;
        }

        @JsonProperty
        public Duration getRelayInterval() {
            return relayInterval;
        }

        @JsonProperty
        public void setRelayInterval(Duration relayInterval) {
            this.relayInterval = relayInterval;
        }

        @JsonProperty
        public int getRelayConnections() {
            return relayConnections;
        }

        @JsonProperty
        public void setRelayConnections(int relayConnections) {
            this.relayConnections = relayConnections;
        }
    }

    public static class SmtpSettings {
        private String host;
        @Min(1)
        @Max(65535)
        private int port = 587;
        private String username;
        private String password;
        /** SMTP, SMTPS or SMTP_TLS. */
        @NotBlank
        private String transport = "SMTP_TLS";

        @JsonProperty
        public String getHost() {
            return host;
        }

        @JsonProperty
        public void setHost(String host) {
            this.host = host;
        }

        @JsonProperty
        public int getPort() {
            return port;
        }

        @JsonProperty
        public void setPort(int port) {
            this.port = port;
        }

        @JsonProperty
        public String getUsername() {
            return username;
        }

        @JsonProperty
        public void setUsername(String username) {
            this.username = username;
        }

        @JsonProperty
        public String getPassword() {
            return password;
        }

        @JsonProperty
        public void setPassword(String password) {
            this.password = password;
        }

        @JsonProperty
        public String getTransport() {
            return transport;
        }

        @JsonProperty
        public void setTransport(String transport) {
            this.transport = transport;
        }

        @JsonIgnore
        public boolean isConfigured() {
            return host != null && !host.isBlank();
        }
    }

    /** The account policy (see DESIGN.md); defaults are the design's. */
    /** The core's account policy: {@code accounts:}, with the wrong-password throttling of {@code throttling.perAccount}. */
    @JsonIgnore
    public AccountPolicy accountPolicy() {
        return getAccounts().toPolicy().withLoginThrottle(throttling.perAccount.toThrottle());
    }

    public static class AccountSettings {
        private static final AccountPolicy DEFAULTS = AccountPolicy.defaults();
        @NotNull
        private Duration codeLifetime = Duration.minutes(DEFAULTS.codeLifetime().toMinutes());
        @Min(1)
        private int maxCodeAttempts = DEFAULTS.maxCodeAttempts();
        @NotNull
        private Duration resendCooldown = Duration.seconds(DEFAULTS.resendCooldown().toSeconds());
        @NotNull
        private Duration accessTokenLifetime = Duration.minutes(DEFAULTS.accessTokenLifetime().toMinutes());
        @NotNull
        private Duration resetTokenLifetime = Duration.minutes(DEFAULTS.resetTokenLifetime().toMinutes());
        @NotNull
        private Duration sessionLifetime = Duration.days(DEFAULTS.sessionLifetime().toDays());
        @Min(8)
        private int passwordMinLength = DEFAULTS.passwordMinLength();
        @Max(4096)
        private int passwordMaxLength = DEFAULTS.passwordMaxLength();
        // Within it a spent refresh token may come back (a client with several tabs) and get a fresh
        // one instead of ending the session; 0 is strict.
        @JsonProperty
        @NotNull
        @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
        public Duration refreshReuseInterval = Duration.seconds(0);
        // A device token stops counting this long after its last login.
        @JsonProperty
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.MINUTES)
        public Duration deviceTokenLifetime = Duration.days(DEFAULTS.deviceTokenLifetime().toDays());
        // How long security events are kept.
        @JsonProperty
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.DAYS)
        public Duration auditRetention = Duration.days(DEFAULTS.auditRetention().toDays());
        // How often ended sessions, spent tokens, dead codes and stale login counts are deleted.
        @NotNull
        @MinDuration(value = 1, unit = TimeUnit.SECONDS)
        private Duration housekeepingInterval = Duration.hours(1);

        @JsonIgnore
        public AccountPolicy toPolicy() {
            return new AccountPolicy(codeLifetime.toJavaDuration(), maxCodeAttempts, resendCooldown.toJavaDuration(),
                    accessTokenLifetime.toJavaDuration(), resetTokenLifetime.toJavaDuration(),
                    sessionLifetime.toJavaDuration(), passwordMinLength, passwordMaxLength)
                    .withRefreshReuseInterval(refreshReuseInterval.toJavaDuration())
                    .withDeviceTokenLifetime(deviceTokenLifetime.toJavaDuration())
                    .withAuditRetention(auditRetention.toJavaDuration());
        }

        @JsonProperty
        public Duration getCodeLifetime() {
            return codeLifetime;
        }

        @JsonProperty
        public void setCodeLifetime(Duration codeLifetime) {
            this.codeLifetime = codeLifetime;
        }

        @JsonProperty
        public int getMaxCodeAttempts() {
            return maxCodeAttempts;
        }

        @JsonProperty
        public void setMaxCodeAttempts(int maxCodeAttempts) {
            this.maxCodeAttempts = maxCodeAttempts;
        }

        @JsonProperty
        public Duration getResendCooldown() {
            return resendCooldown;
        }

        @JsonProperty
        public void setResendCooldown(Duration resendCooldown) {
            this.resendCooldown = resendCooldown;
        }

        @JsonProperty
        public Duration getAccessTokenLifetime() {
            return accessTokenLifetime;
        }

        @JsonProperty
        public void setAccessTokenLifetime(Duration accessTokenLifetime) {
            this.accessTokenLifetime = accessTokenLifetime;
        }

        @JsonProperty
        public Duration getResetTokenLifetime() {
            return resetTokenLifetime;
        }

        @JsonProperty
        public void setResetTokenLifetime(Duration resetTokenLifetime) {
            this.resetTokenLifetime = resetTokenLifetime;
        }

        @JsonProperty
        public Duration getSessionLifetime() {
            return sessionLifetime;
        }

        @JsonProperty
        public void setSessionLifetime(Duration sessionLifetime) {
            this.sessionLifetime = sessionLifetime;
        }

        @JsonProperty
        public int getPasswordMinLength() {
            return passwordMinLength;
        }

        @JsonProperty
        public void setPasswordMinLength(int passwordMinLength) {
            this.passwordMinLength = passwordMinLength;
        }

        @JsonProperty
        public int getPasswordMaxLength() {
            return passwordMaxLength;
        }

        @JsonProperty
        public void setPasswordMaxLength(int passwordMaxLength) {
            this.passwordMaxLength = passwordMaxLength;
        }

        @JsonProperty
        public Duration getHousekeepingInterval() {
            return housekeepingInterval;
        }

        @JsonProperty
        public void setHousekeepingInterval(Duration housekeepingInterval) {
            this.housekeepingInterval = housekeepingInterval;
        }
    }

    /**
     * Where Argon2id runs: which implementation, and the bounded pool every hash goes through so
     * that a login flood cannot take every core or pile up 19 MiB buffers.
     */
    public static class PasswordHashingSettings {
        /** {@code auto}: libargon2 when it loads, else pure Java with a warning; {@code native}: libargon2 or no start; {@code java}: Bouncy Castle. */
        @NotNull
        @Pattern(regexp = "(?i)auto|native|java",
                message = "must be auto, native or java")
        private String implementation = "auto";
        // 0: one per core.
        @Min(0)
        @Max(256)
        private int threads = 0;
        // Hashes that may wait for a thread; one more answers 503 at once.
        @Min(1)
        @Max(100_000)
        private int maxWaiting = 64;
        // Run hashing threads at a lower OS priority (Linux), so reads keep their latency under a login flood.
        private boolean lowPriority = true;

        @JsonProperty
        public String getImplementation() {
            return implementation;
        }

        @JsonProperty
        public void setImplementation(String implementation) {
            this.implementation = implementation;
        }

        @JsonProperty
        public int getThreads() {
            return threads;
        }

        @JsonProperty
        public void setThreads(int threads) {
            this.threads = threads;
        }

        /** The configured thread count, or the number of cores for 0. */
        @JsonIgnore
        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }

        @JsonProperty
        public int getMaxWaiting() {
            return maxWaiting;
        }

        @JsonProperty
        public void setMaxWaiting(int maxWaiting) {
            this.maxWaiting = maxWaiting;
        }

        @JsonProperty
        public boolean isLowPriority() {
            return lowPriority;
        }

        @JsonProperty
        public void setLowPriority(boolean lowPriority) {
            this.lowPriority = lowPriority;
        }
    }
}
