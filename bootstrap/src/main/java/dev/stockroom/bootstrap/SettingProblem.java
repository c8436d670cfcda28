package dev.stockroom.bootstrap;

/**
 * A setting that cannot work, said in one line that names the setting and its variable: the
 * commands print the message alone on standard error (the cause's stack trace is logged at DEBUG
 * where the problem is found) and exit non-zero.
 */
final class SettingProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SettingProblem(String message) {
        super(message);
    }

    SettingProblem(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first problem in {@code e}'s chain of causes, if any. */
    static java.util.Optional<SettingProblem> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SettingProblem problem) {
                return java.util.Optional.of(problem);
            }
        }
        return java.util.Optional.empty();
    }
}
