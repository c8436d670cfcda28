package dev.stockroom.bootstrap;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * Dropwizard's {@code server} and {@code check} with the failures an operator causes said in one
 * line on standard error (a {@link SettingProblem}, or a file Dropwizard could not parse or
 * validate); anything else keeps Dropwizard's stack trace, being a bug to report.
 */
final class OneLineErrors {
    private OneLineErrors() {}

    /** Prints {@code e} as one line when it is the operator's to fix; false when it is not. */
    static boolean report(Cli cli, Throwable e) {
        return SettingProblem.in(e)
                .map(problem -> {
                    cli.getStdErr().println(problem.getMessage());
                    return true;
                })
                .orElseGet(() -> {
                    if (e instanceof ConfigurationException) {
                        // Its message holds the file's name, the line and every refused value.
                        cli.getStdErr().println(e.getMessage().strip());
                        return true;
                    }
                    return false;
                });
    }

    static final class Server extends ServerCommand<StockroomConfiguration> {
        Server(Application<StockroomConfiguration> application) {
            super(application);
        }

        @Override
        public void onError(Cli cli, Namespace namespace, Throwable e) {
            if (!report(cli, e)) {
                super.onError(cli, namespace, e);
            }
        }
    }

    /** {@code check}: the variables applied and the same checks as {@code server}, short of the ports. */
    static final class Check extends CheckCommand<StockroomConfiguration> {
        private final Map<String, String> env;

        Check(Application<StockroomConfiguration> application, Map<String, String> env) {
            super(application);
            this.env = env;
        }

        @Override
        protected void run(
                Bootstrap<StockroomConfiguration> bootstrap, Namespace namespace, StockroomConfiguration configuration)
                throws Exception {
            StartChecks.settings(StartChecks.overrides(configuration, env));
            super.run(bootstrap, namespace, configuration);
        }
    }
}
