package org.runops.datalogger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the column names PyTables stores for pandas ({@code values_block_0_kind}): a Python list
 * pickled with protocol 0, e.g. {@code (lp0\nVutc_seconds\np1\naVvalue\np2\na.}. Only what such a
 * list can hold is understood: unicode ({@code V}), byte strings ({@code S'..'}), integers
 * ({@code I}/{@code L}) and memo references; anything else means "not a name list".
 */
final class PickledNames {
    private PickledNames() {}

    static Optional<List<String>> parse(String pickle) {
        List<String> names = new ArrayList<>();
        List<String> memo = new ArrayList<>();
        String last = null;
        int i = 0;
        while (i < pickle.length()) {
            char op = pickle.charAt(i++);
            switch (op) {
                case '(', 'l', ']', 'a', '0' -> {
                    // mark, list, empty list, append, pop: the list structure itself
                }
                case '.' -> {
                    return Optional.of(List.copyOf(names));
                }
                case 'V', 'S', 'I', 'L', 'p', 'g' -> {
                    int end = pickle.indexOf('\n', i);
                    if (end < 0) {
                        return Optional.empty();
                    }
                    String arg = pickle.substring(i, end);
                    i = end + 1;
                    if (op == 'p') {
                        Integer at = index(arg);
                        if (at == null) {
                            return Optional.empty();
                        }
                        while (memo.size() <= at) {
                            memo.add(null);
                        }
                        memo.set(at, last);
                        continue;
                    }
                    String value = switch (op) {
                        case 'V' -> unescapeUnicode(arg);
                        case 'S' -> unquote(arg);
                        case 'g' -> {
                            Integer at = index(arg);
                            yield at == null || at >= memo.size() ? null : memo.get(at);
                        }
                        default -> arg.endsWith("L") ? arg.substring(0, arg.length() - 1) : arg;
                    };
                    if (value == null) {
                        return Optional.empty();
                    }
                    names.add(value);
                    last = value;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty(); // no STOP opcode: cut short
    }

    private static Integer index(String arg) {
        try {
            return Integer.valueOf(arg);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Python's raw-unicode-escape: only {@code \\uXXXX} and {@code \\UXXXXXXXX} are escapes. */
    private static String unescapeUnicode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int digits = c == '\\' && i + 1 < s.length() ? (s.charAt(i + 1) == 'u' ? 4 : s.charAt(i + 1) == 'U' ? 8 : 0) : 0;
            if (digits > 0 && i + 2 + digits <= s.length()) {
                out.appendCodePoint(Integer.parseInt(s.substring(i + 2, i + 2 + digits), 16));
                i += 1 + digits;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A Python 2 {@code repr} of a byte string: {@code 'text'} with backslash escapes. */
    private static String unquote(String s) {
        if (s.length() < 2 || (s.charAt(0) != '\'' && s.charAt(0) != '"') || s.charAt(s.length() - 1) != s.charAt(0)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) {
                char n = s.charAt(++i);
                if (n == 'x' && i + 2 < s.length() - 1) {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> n;
                    });
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
