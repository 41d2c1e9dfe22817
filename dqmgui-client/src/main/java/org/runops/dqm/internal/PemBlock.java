package org.runops.dqm.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.runops.dqm.DqmException;

/**
 * One {@code -----BEGIN <label>-----} … {@code -----END <label>-----} block of a PEM file: its label,
 * the RFC 1421 headers some tools write ({@code Proc-Type: 4,ENCRYPTED}) and the decoded DER bytes.
 */
public record PemBlock(String label, Map<String, String> headers, byte[] der) {
    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    public PemBlock {
        Objects.requireNonNull(label, "label");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(der, "der");
    }

    /** Every block of {@code text}, in order; text outside blocks (openssl's "Bag Attributes") is skipped. */
    public static List<PemBlock> read(String text, String source) {
        List<PemBlock> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith(BEGIN) || !line.endsWith(DASHES) || line.length() < BEGIN.length() + DASHES.length()) {
                continue;
            }
            String label = line.substring(BEGIN.length(), line.length() - DASHES.length());
            String end = END + label + DASHES;
            Map<String, String> headers = new LinkedHashMap<>();
            StringBuilder base64 = new StringBuilder();
            int j = i + 1;
            boolean inHeaders = true;
            for (; j < lines.length && !lines[j].strip().equals(end); j++) {
                String l = lines[j].strip();
                int colon = l.indexOf(':');
                if (inHeaders && colon > 0) {
                    headers.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
                    continue;
                }
                inHeaders = false;
                base64.append(l);
            }
            if (j == lines.length) {
                throw new DqmException(source + ": PEM block '" + label + "' has no '" + end + "' line");
            }
            try {
                blocks.add(new PemBlock(label, headers, Base64.getMimeDecoder().decode(base64.toString())));
            } catch (IllegalArgumentException e) {
                throw new DqmException(source + ": PEM block '" + label + "' is not valid base64: " + e.getMessage(), e);
            }
            i = j;
        }
        return blocks;
    }
}
