package org.runops.examples.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * What commands read from the machine rather than the command line: environment variables, the home
 * directory (where certificates are discovered) and the clock. The launcher passes the process's; tests
 * pass their own so they never read the developer's real {@code ~/.globus}.
 */
public record CliEnvironment(Function<String, String> env, Path home, Clock clock) {
    public CliEnvironment {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(clock, "clock");
    }

    /** The process environment, {@code user.home} and the system clock. */
    public static CliEnvironment system() {
        return new CliEnvironment(System::getenv, Path.of(System.getProperty("user.home")), Clock.systemUTC());
    }
}
