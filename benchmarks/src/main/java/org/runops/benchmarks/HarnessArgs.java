package org.runops.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} / {@code --name=value} options of the harness mains; an unknown name is an error listing the known ones. */
final class HarnessArgs {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    /** Parses {@code args} against {@code defaults} (name → default value, null for none). */
    HarnessArgs(String[] args, Map<String, String> defaults) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected an option --name value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: --" + String.join(", --", defaults.keySet()));
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        defaults.forEach((name, value) -> {
            if (value != null) {
                values.putIfAbsent(name, List.of(value));
            }
        });
    }

    /** The last value given, or the default; null when neither. */
    String get(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    /** Every value given for a repeatable option. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    int positiveInt(String name) {
        String v = get(name);
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a positive integer, got '" + v + "'");
        }
    }
}
