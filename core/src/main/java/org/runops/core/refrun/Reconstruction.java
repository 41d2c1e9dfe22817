package org.runops.core.refrun;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Certhelper's reconstruction types ({@code RunReconstruction.RECONSTRUCTION_CHOICES}: online, express,
 * prompt, rereco, rerecoul), plus {@link #UNKNOWN} for empty or unrecognised text.
 */
public enum Reconstruction {
    ONLINE, EXPRESS, PROMPT, RERECO, RERECOUL, UNKNOWN;

    private static final Pattern IGNORED = Pattern.compile("[\\s_-]");

    /**
     * Lenient: case, spaces, dashes and underscores are ignored ("Express", " rereco UL", "ReReco-UL");
     * null, "" and anything else give {@link #UNKNOWN}.
     */
    public static Reconstruction parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        Reconstruction exact = certhelperSpelling(text); // replays parse every row: no regex for the usual case
        if (exact != null) {
            return exact;
        }
        String key = IGNORED.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
        for (Reconstruction r : values()) {
            if (r != UNKNOWN && r.name().equals(key)) {
                return r;
            }
        }
        return UNKNOWN;
    }

    private static Reconstruction certhelperSpelling(String text) {
        return switch (text) {
            case "online" -> ONLINE;
            case "express" -> EXPRESS;
            case "prompt" -> PROMPT;
            case "rereco" -> RERECO;
            case "rerecoul" -> RERECOUL;
            default -> null;
        };
    }

    /**
     * The reconstruction a dataset name implies, as Certhelper's {@code get_reco_from_dataset}: contains
     * "express" → EXPRESS, "prompt" → PROMPT, "rereco" and "UL" → RERECOUL, "rereco" → RERECO
     * (case-insensitive); otherwise UNKNOWN.
     */
    public static Reconstruction fromDataset(String dataset) {
        if (dataset == null) {
            return UNKNOWN;
        }
        String d = dataset.toLowerCase(Locale.ROOT);
        if (d.contains("express")) {
            return EXPRESS;
        }
        if (d.contains("prompt")) {
            return PROMPT;
        }
        if (d.contains("rereco")) {
            return d.contains("ul") ? RERECOUL : RERECO;
        }
        return UNKNOWN;
    }

    /**
     * True when this reconstruction is certified before {@code other} for the same run: online, then express
     * (hours after the run), prompt (about two days), rereco, rerecoul — the declaration order. UNKNOWN is
     * never before anything, nor anything before it.
     */
    public boolean certifiedBefore(Reconstruction other) {
        return this != UNKNOWN && other != UNKNOWN && ordinal() < other.ordinal();
    }

    /** The lower-case name Certhelper uses ({@code express}); "" for UNKNOWN. */
    public String certhelperName() {
        return this == UNKNOWN ? "" : name().toLowerCase(Locale.ROOT);
    }
}
