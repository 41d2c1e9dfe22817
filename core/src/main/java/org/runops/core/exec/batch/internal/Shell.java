package org.runops.core.exec.batch.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** POSIX-shell quoting, for the scripts and command lines the batch systems write. */
public final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=%@+,-]+");

    private Shell() {}

    /** {@code word} as one shell word: unchanged when it holds only safe characters, else in single quotes. */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words quoted and joined by spaces. */
    public static String join(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
