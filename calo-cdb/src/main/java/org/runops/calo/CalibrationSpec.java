package org.runops.calo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One calibration a map job makes: the CDB payload type and the file name the job gives the payload.
 * That name ends the payload URL in the CDB, so it is how a run is recognised as done for a tag — the
 * idempotency key; it is matched exactly ({@code _} between tag and run, run unpadded).
 *
 * @param payloadType  the CDB payload type, e.g. {@code CEMC_meanTime}
 * @param fileStem     the file name before {@code _<tag>_<run>}: the payload type itself, or {@code EMCalHotMap}
 * @param fileEnd      what follows the run: {@code .root}, or {@code cdb.root} for the hot map
 * @param optional     whether it is one of the calibrations the default list leaves out (ZSCrossCalib)
 */
public record CalibrationSpec(String payloadType, String fileStem, String fileEnd, boolean optional) {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");
    /** The md5 the CDB puts before a payload's file name. */
    private static final Pattern MD5_PREFIX = Pattern.compile("^[0-9a-f]{32}_");

    /** The seven maps of the original (2025-07): bad towers of the EMCal, mean time and fraction of bad chi2 per calorimeter. */
    public static final List<CalibrationSpec> DEFAULTS = List.of(
            new CalibrationSpec("CEMC_BadTowerMap", "EMCalHotMap", "cdb.root", false),
            standard("CEMC_meanTime"), standard("HCALIN_meanTime"), standard("HCALOUT_meanTime"),
            standard("CEMC_hotTowers_fracBadChi2"), standard("HCALIN_hotTowers_fracBadChi2"),
            standard("HCALOUT_hotTowers_fracBadChi2"));

    /** The three zero-suppression cross-calibrations added in 2025-10 (from HIST_CALOFITTINGQA files). */
    public static final List<CalibrationSpec> ZS_CROSS_CALIB = List.of(
            optional("CEMC_ZSCrossCalib"), optional("HCALIN_ZSCrossCalib"), optional("HCALOUT_ZSCrossCalib"));

    public CalibrationSpec {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(fileStem, "fileStem");
        Objects.requireNonNull(fileEnd, "fileEnd");
        if (!WORD.matcher(payloadType).matches() || !WORD.matcher(fileStem).matches()) {
            throw new IllegalArgumentException("payload type '" + payloadType + "' and file stem '" + fileStem
                    + "' must be letters, digits or '_'");
        }
        if (!fileEnd.endsWith(".root")) {
            throw new IllegalArgumentException("file end of " + payloadType + " must end with .root, got '" + fileEnd + "'");
        }
    }

    /** A calibration whose file is named {@code <payloadType>_<tag>_<run>.root}. */
    public static CalibrationSpec standard(String payloadType) {
        return new CalibrationSpec(payloadType, payloadType, ".root", false);
    }

    private static CalibrationSpec optional(String payloadType) {
        return new CalibrationSpec(payloadType, payloadType, ".root", true);
    }

    /** The file name a map job gives this calibration of {@code runTag}, e.g. {@code CEMC_meanTime_new_newcdbtag_v008_68006.root}. */
    public String expectedFileName(RunTag runTag) {
        return fileStem + "_" + runTag.tag() + "_" + runTag.run() + fileEnd;
    }

    /** Whether {@code payloadUrl} (as stored: {@code <type>/<md5 dirs>/<md5>_<file name>}) is this calibration made for {@code runTag}. */
    public boolean isUpToDate(String payloadUrl, RunTag runTag) {
        return payloadUrl.endsWith(expectedFileName(runTag));
    }

    /**
     * The tag in a payload file name of this calibration, if it is named as a map job names it: the base
     * name after the 32-hex md5 prefix the CDB adds, matched against {@code <stem>_(tag)_(run)<end>}.
     */
    public Optional<String> foundTag(String payloadUrl) {
        String base = MD5_PREFIX.matcher(payloadUrl.substring(payloadUrl.lastIndexOf('/') + 1)).replaceFirst("");
        String prefix = fileStem + "_";
        if (!base.startsWith(prefix) || !base.endsWith(fileEnd) || base.length() <= prefix.length() + fileEnd.length()) {
            return Optional.empty();
        }
        String tagAndRun = base.substring(prefix.length(), base.length() - fileEnd.length());
        int cut = tagAndRun.lastIndexOf('_'); // the tag may hold '_', the run does not
        String run = tagAndRun.substring(cut + 1);
        return cut > 0 && !run.isEmpty() && run.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Optional.of(tagAndRun.substring(0, cut)) : Optional.empty();
    }
}
