package org.runops.core;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Where runops keeps caches by default: the XDG base directory rule, under {@code runops/}. */
public final class CacheDirectories {
    private CacheDirectories() {}

    /**
     * {@code $XDG_CACHE_HOME/runops/<parts>}, else {@code $HOME/.cache/runops/<parts>}; a relative
     * XDG_CACHE_HOME counts as unset (the XDG rule). Empty when neither variable helps.
     *
     * @param env environment lookup, e.g. {@code System::getenv}
     */
    public static Optional<Path> of(Function<String, String> env, String... parts) {
        String xdg = env.apply("XDG_CACHE_HOME");
        Path root;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            root = Path.of(xdg);
        } else {
            String home = env.apply("HOME");
            if (home == null || home.isBlank()) {
                return Optional.empty();
            }
            root = Path.of(home, ".cache");
        }
        return Optional.of(root.resolve(Path.of("runops", parts)));
    }
}
