package org.runops.core.exec.batch.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.runops.core.exec.batch.BatchException;
import org.runops.core.exec.batch.BatchSubmission;

/**
 * The HTCondor submit description of a submission, in the layout of runProd.py's {@code genStatus.sub}:
 * {@code arguments, executable, log, output, error, request_memory}, then the extra attributes sorted by key,
 * and no {@code queue} line (the items come from {@code -queue "input_run from jobs.list"}).
 */
final class HtCondorSubmitFile {
    /** The submit variable each job's input is bound to. */
    static final String ITEM = "input_run";
    private static final Set<String> RENDERED = Set.of("arguments", "executable", "log", "output", "error",
            "request_memory", "queue");
    /** A submit key: a plain one ({@code batch_name}) or a custom job attribute ({@code +JobFlavour}). */
    private static final Pattern KEY = Pattern.compile("\\+?[A-Za-z_][A-Za-z0-9_.]*");
    /** Characters that make the old arguments syntax ambiguous; such arguments use the new (quoted) syntax. */
    private static final Pattern NEEDS_NEW_SYNTAX = Pattern.compile("[\\s'\"]");

    private HtCondorSubmitFile() {}

    /**
     * The submit description.
     *
     * @throws BatchException when an input cannot be a queue item (whitespace or quotes), the executable
     *                        depends on the input, or an attribute would replace a rendered key
     */
    static String render(BatchSubmission s) {
        checkInputs(s);
        List<String> command = s.command().expand(Map.of(BatchSubmission.INPUT, "$(" + ITEM + ")"));
        if (command.get(0).contains("$(" + ITEM + ")")) {
            throw new BatchException("submission '" + s.name() + "': HTCondor's executable '" + s.command()
                    + "' must not depend on {input}");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        if (command.size() > 1) {
            lines.put("arguments", arguments(command.subList(1, command.size())));
        }
        lines.put("executable", command.get(0));
        String logs = s.logDirectory().toAbsolutePath().toString();
        lines.put("log", logs + "/" + s.name() + "-$(ClusterId)-$(Process).log");
        // $(ClusterId).$(Process) is the job id: BatchSubmission's log names
        lines.put("output", logs + "/" + s.name() + ".$(ClusterId).$(Process).out");
        lines.put("error", logs + "/" + s.name() + ".$(ClusterId).$(Process).err");
        lines.put("request_memory", memory(s.memoryMegabytes()));
        lines.putAll(attributes(s));
        return lines.entrySet().stream().map(e -> String.format(Locale.ROOT, "%-14s = %s", e.getKey(), e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * HTCondor's {@code arguments} value: words joined by spaces when none holds whitespace or a quote, else
     * the new syntax: the whole value in double quotes with each double quote doubled, and a word with
     * whitespace or a single quote in single quotes with each single quote doubled.
     */
    static String arguments(List<String> words) {
        if (words.stream().noneMatch(w -> NEEDS_NEW_SYNTAX.matcher(w).find())) {
            return String.join(" ", words);
        }
        List<String> quoted = new ArrayList<>(words.size());
        for (String w : words) {
            boolean singleQuote = w.isEmpty() || w.contains("'") || w.chars().anyMatch(Character::isWhitespace);
            quoted.add(singleQuote ? "'" + w.replace("'", "''") + "'" : w);
        }
        return "\"" + String.join(" ", quoted).replace("\"", "\"\"") + "\"";
    }

    /** {@code <n>GB} when the request is whole GiB, else {@code <n>MB} (HTCondor's units are powers of 1024). */
    static String memory(long megabytes) {
        return megabytes % 1024 == 0 ? megabytes / 1024 + "GB" : megabytes + "MB";
    }

    /** The submission's HTCondor attributes, sorted by key; Slurm's ({@code --key}) are skipped. */
    private static Map<String, String> attributes(BatchSubmission s) {
        Map<String, String> out = new TreeMap<>();
        s.attributes().forEach((key, value) -> {
            if (key.startsWith("--")) {
                return;
            }
            if (!KEY.matcher(key).matches() || value.contains("\n") || value.contains("\r")) {
                throw new BatchException("submission '" + s.name() + "': attribute '" + key + "' = '" + value
                        + "' is not an HTCondor submit line (key: name or +Name; value: one line)");
            }
            if (RENDERED.contains(key.toLowerCase(Locale.ROOT))) {
                throw new BatchException("submission '" + s.name() + "': attribute '" + key
                        + "' would replace the submit file's own " + key.toLowerCase(Locale.ROOT) + " line");
            }
            out.put(key, value);
        });
        return out;
    }

    /** An input becomes one item of {@code queue input_run from jobs.list} only without whitespace or quotes. */
    private static void checkInputs(BatchSubmission s) {
        for (int i = 0; i < s.inputs().size(); i++) {
            if (NEEDS_NEW_SYNTAX.matcher(s.inputs().get(i)).find()) {
                throw new BatchException("submission '" + s.name() + "': input " + i + " '" + s.inputs().get(i)
                        + "' holds whitespace or a quote, which HTCondor's queue items and arguments would split or eat");
            }
        }
    }
}
