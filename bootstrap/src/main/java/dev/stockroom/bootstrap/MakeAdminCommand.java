package dev.stockroom.bootstrap;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.Profile;
import dev.stockroom.core.shared.InvalidValue;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code make-admin <username> [config.yml]}: gives a user the ADMIN role. */
final class MakeAdminCommand extends ConfiguredCommand<StockroomConfiguration> {

    private final Map<String, String> env;

    MakeAdminCommand(Map<String, String> env) {
        super("make-admin", "Gives the named user the admin role (may change any product)");
        this.env = env;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("username").help("the user to make an admin");
        super.configure(subparser);
    }

    /** A user's mistake (no such user, a malformed name) is one line on standard error, not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof UsageError) {
            cli.getStdErr().println(e.getMessage());
        } else if (!OneLineErrors.report(cli, e)) {
            super.onError(cli, namespace, e);
        }
    }

    @Override
    protected void run(
            Bootstrap<StockroomConfiguration> bootstrap, Namespace namespace, StockroomConfiguration configuration)
            throws Exception {
        Username username;
        try {
            username = new Username(namespace.getString("username"));
        } catch (InvalidValue e) {
            throw new UsageError("Not a valid username: " + e.getMessage());
        }
        StartChecks.settings(StartChecks.overrides(configuration, env));
        try (Wiring wiring = Wiring.forCommand(configuration, bootstrap.getMetricRegistry())) {
            Profile profile = wiring.stockroom().profiles().assignRole(username, Role.ADMIN);
            System.out.println(profile.username().value() + " is now an admin.");
        } catch (AccountFailure.UserNotFound e) {
            throw new UsageError("No user named '" + username.value() + "'.");
        }
    }

    /** What the person running the command got wrong; said in one line. */
    static final class UsageError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
