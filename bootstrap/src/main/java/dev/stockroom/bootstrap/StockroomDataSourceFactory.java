package dev.stockroom.bootstrap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Dropwizard's {@link DataSourceFactory} with timeouts, so that a database that hangs (a frozen
 * server, a network path that drops packets) costs a request at most about a second and a half
 * and answers 503 instead of holding a thread for the length of the stall. The {@code database:}
 * block of a file deserializes into this class, so the defaults below hold whether or not the
 * block is given. Dropwizard's pool settings get new defaults in the constructor; the JDBC driver
 * properties are filled in by {@link #applyTimeouts()} once the URL is known, only where the
 * file's {@code properties:} does not give them.
 */
public class StockroomDataSourceFactory extends DataSourceFactory {
    /** Longest wait for a free pooled connection before the request answers 503. */
    static final Duration DEFAULT_MAX_WAIT = Duration.milliseconds(500);

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.seconds(1);
    static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.milliseconds(1500);
    static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.seconds(1);
    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.seconds(1);
    static final Duration DEFAULT_MIGRATION_TIMEOUT = Duration.minutes(10);
    static final Duration DEFAULT_VALIDATION_QUERY_TIMEOUT = Duration.seconds(1);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
    private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
    private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.MILLISECONDS)
    private Duration migrationTimeout = DEFAULT_MIGRATION_TIMEOUT;

    /** {@code properties} as the file gave them, before {@link #applyTimeouts()}. */
    @JsonIgnore
    private Map<String, String> givenProperties;

    public StockroomDataSourceFactory() {
        setMaxWaitForConnection(DEFAULT_MAX_WAIT);
        setValidationQueryTimeout(DEFAULT_VALIDATION_QUERY_TIMEOUT);
    }

    @JsonIgnore
    boolean isPostgres() {
        return getUrl() != null && getUrl().startsWith("jdbc:postgresql:");
    }

    @JsonIgnore
    boolean isH2() {
        return getUrl() != null && getUrl().startsWith("jdbc:h2:");
    }

    /**
     * Fills in the driver properties that carry the timeouts, for the driver the URL names, where
     * {@code properties} does not already set them; idempotent. PostgreSQL: {@code connectTimeout}
     * and {@code loginTimeout} (whole seconds), {@code socketTimeout} (whole seconds, rounded up;
     * {@link SocketTimeout} sets the exact value on every borrowed connection), and the session's
     * {@code statement_timeout} and {@code lock_timeout} through {@code options}. H2: its
     * {@code LOCK_TIMEOUT} and {@code QUERY_TIMEOUT} settings.
     */
    void applyTimeouts() {
        if (givenProperties == null) {
            givenProperties = Map.copyOf(getProperties());
        }
        setProperties(withTimeouts(getProperties(), statementTimeout, socketTimeout));
        if (isPostgres() && socketTimeout.toMilliseconds() > 0 && !hasInterceptor()) {
            String own = SocketTimeout.class.getName() + "(millis=" + socketTimeout.toMilliseconds() + ")";
            setJdbcInterceptors(
                    Optional.of(getJdbcInterceptors().map(i -> i + ";" + own).orElse(own)));
        }
    }

    private boolean hasInterceptor() {
        return getJdbcInterceptors()
                .map(i -> i.contains(SocketTimeout.class.getName()))
                .orElse(false);
    }

    /** The same database for the migrations at start: one connection, a statement limit of {@link #migrationTimeout}. */
    DataSourceFactory forMigrations() {
        StockroomDataSourceFactory migrations = new StockroomDataSourceFactory();
        migrations.setDriverClass(getDriverClass());
        migrations.setUrl(getUrl());
        migrations.setUser(getUser());
        migrations.setPassword(getPassword());
        migrations.setMinSize(1);
        migrations.setInitialSize(1);
        migrations.setMaxSize(2);
        migrations.setMaxWaitForConnection(Duration.seconds(30));
        // The properties as the file gave them, before the service's limits were filled in: a
        // limit the file set stays, the others are the migrations'.
        Map<String, String> own = new LinkedHashMap<>(givenProperties == null ? getProperties() : givenProperties);
        Duration migrationSocket = migrationTimeout.toMilliseconds() == 0
                ? Duration.milliseconds(0)
                : Duration.milliseconds(migrationTimeout.toMilliseconds() + 30_000);
        migrations.connectTimeout = connectTimeout;
        migrations.lockTimeout = migrationTimeout;
        migrations.setProperties(migrations.withTimeouts(own, migrationTimeout, migrationSocket));
        return migrations;
    }

    private Map<String, String> withTimeouts(Map<String, String> given, Duration statement, Duration socket) {
        Map<String, String> properties = new LinkedHashMap<>(given);
        if (isPostgres()) {
            properties.putIfAbsent("connectTimeout", Long.toString(wholeSeconds(connectTimeout)));
            properties.putIfAbsent("loginTimeout", Long.toString(wholeSeconds(connectTimeout)));
            properties.putIfAbsent("socketTimeout", Long.toString(wholeSeconds(socket)));
            String options = properties.getOrDefault("options", "");
            if (!options.contains("statement_timeout")) {
                options = (options + " -c statement_timeout=" + statement.toMilliseconds()).strip();
            }
            if (!options.contains("lock_timeout")) {
                options = (options + " -c lock_timeout=" + lockTimeout.toMilliseconds()).strip();
            }
            properties.put("options", options);
        } else if (isH2()) {
            String url = getUrl().toUpperCase(Locale.ROOT);
            if (!url.contains("LOCK_TIMEOUT=")) {
                properties.putIfAbsent("LOCK_TIMEOUT", Long.toString(lockTimeout.toMilliseconds()));
            }
            if (!url.contains("QUERY_TIMEOUT=")) {
                properties.putIfAbsent("QUERY_TIMEOUT", Long.toString(statement.toMilliseconds()));
            }
        }
        return properties;
    }

    private static long wholeSeconds(Duration duration) {
        return (duration.toMilliseconds() + 999) / 1000;
    }

    @JsonProperty
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    @JsonProperty
    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    @JsonProperty
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    @JsonProperty
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @JsonProperty
    public Duration getLockTimeout() {
        return lockTimeout;
    }

    @JsonProperty
    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    @JsonProperty
    public Duration getMigrationTimeout() {
        return migrationTimeout;
    }

    @JsonProperty
    public void setMigrationTimeout(Duration migrationTimeout) {
        this.migrationTimeout = migrationTimeout;
    }
}
