package org.runops.core.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command line with {@code {name}} placeholders, e.g.
 * {@code sh /opt/cmssw/scripts/run_analysis_CC7.sh {run} False True {partition} False False True True}.
 * It is split into words once, and each placeholder is replaced inside its word, so a value can never
 * become extra arguments or shell syntax (no shell is involved).
 */
public final class CommandTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final String template;
    private final List<String> words;

    private CommandTemplate(String template) {
        this.template = template;
        this.words = List.of(template.trim().split("\\s+"));
    }

    public static CommandTemplate parse(String template) {
        Objects.requireNonNull(template, "template");
        if (template.isBlank()) {
            throw new IllegalArgumentException("empty command template");
        }
        return new CommandTemplate(template);
    }

    /**
     * The command with every placeholder replaced.
     *
     * @throws IllegalArgumentException when a placeholder has no value (naming it and the template)
     */
    public List<String> expand(Map<String, String> values) {
        List<String> out = new ArrayList<>(words.size());
        for (String word : words) {
            Matcher m = PLACEHOLDER.matcher(word);
            StringBuilder expanded = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + m.group(1) + "} in command template '" + template
                            + "' (known: " + values.keySet() + ")");
                }
                m.appendReplacement(expanded, Matcher.quoteReplacement(value));
            }
            m.appendTail(expanded);
            out.add(expanded.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return template;
    }
}
