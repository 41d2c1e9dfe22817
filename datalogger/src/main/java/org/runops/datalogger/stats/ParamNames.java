package org.runops.datalogger.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.runops.datalogger.DataLoggerException;

/**
 * The device names of a parameter list for the exporters. DB_to_JSON.py took the whole stripped line as
 * the name, which broke when the lines became {@code NODE DEVICE} ({@code MLrn B:VIMIN}); here a two-token
 * line gives its second token and a one-token line (the old style) the token itself. Blank lines are
 * skipped; a line of more tokens is an error naming the file and line.
 */
public final class ParamNames {
    private ParamNames() {}

    public static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataLoggerException("cannot read parameter list " + file + ": " + e.getMessage(), e);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            if (tokens.length > 2) {
                throw new DataLoggerException("parameter list " + file + " line " + (i + 1) + ": expected 'NODE DEVICE' or 'DEVICE', got '"
                        + line + "'");
            }
            names.add(tokens[tokens.length - 1]);
        }
        return List.copyOf(names);
    }
}
