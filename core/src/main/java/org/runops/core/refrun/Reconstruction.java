package org.runops.core.refrun;

import java.util.Locale;

/**
 * Certhelper's reconstruction types ({@code RunReconstruction.RECONSTRUCTION_CHOICES}: online, express,
 * prompt, rereco, rerecoul), plus {@link #UNKNOWN} for empty or unrecognised text.
 */
public enum Reconstruction {
    ONLINE, EXPRESS, PROMPT, RERECO, RERECOUL, UNKNOWN;

    /**
     * Lenient: case, spaces, dashes and underscores are ignored ("Express", " rereco UL", "ReReco-UL");
     * null, "" and anything else give {@link #UNKNOWN}.
     */
    public static Reconstruction parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        String key = text.replaceAll("[\\s_-]", "").toUpperCase(Locale.ROOT);
        for (Reconstruction r : values()) {
            if (r != UNKNOWN && r.name().equals(key)) {
                return r;
            }
        }
        return UNKNOWN;
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

    /** The lower-case name Certhelper uses ({@code express}); "" for UNKNOWN. */
    public String certhelperName() {
        return this == UNKNOWN ? "" : name().toLowerCase(Locale.ROOT);
    }
}
