package org.runops.core.run;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OMS unit strings, which vary by era and instance (spec §1.7): instantaneous luminosity
 * {@code 10^{30}cm^{-2}s^{-1}}, {@code 10^{33}cm^{-2}s^{-1}}, also spelled {@code 10^33 cm-2 s-1} or
 * {@code Hz/cm^2}; integrated luminosity {@code pb^{-1}}, {@code fb^{-1}}, {@code nb^{-1}},
 * {@code {\mu}b^{-1}} / {@code ub^{-1}}. Anything else is {@linkplain #parse unknown} and is kept as
 * given by {@link Quantity}, which then refuses to convert it.
 */
public final class Units {

    /** What a unit measures; conversion only happens inside one family. */
    public enum Family {
        /** Instantaneous luminosity; base unit cm^-2 s^-1. */
        INSTANTANEOUS_LUMINOSITY,
        /** Integrated luminosity; base unit pb^-1. */
        INTEGRATED_LUMINOSITY;

        /** The unit values of this family are compared in: 10^{34}cm^{-2}s^{-1} and pb^{-1}. */
        public Unit reference() {
            return this == INSTANTANEOUS_LUMINOSITY ? instantaneous(34) : integrated("p");
        }
    }

    /**
     * A recognised unit.
     *
     * @param canonical the canonical spelling ({@code 10^{34}cm^{-2}s^{-1}}, {@code pb^{-1}}, {@code {\mu}b^{-1}})
     * @param family    what it measures
     * @param scale     the size of one of it in the family's base unit
     */
    public record Unit(String canonical, Family family, double scale) {
        public Unit {
            Objects.requireNonNull(canonical, "canonical");
            Objects.requireNonNull(family, "family");
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("unit scale must be positive and finite: " + scale);
            }
        }
    }

    /** Optional 10^N (or 1eN) factor, then the rest. Written after braces, backslashes and spaces are removed. */
    private static final Pattern POWER = Pattern.compile("^(?:10\\^(-?\\d{1,3})|1e(-?\\d{1,3}))\\*?(.*)$");
    private static final Pattern INVERSE_BARN = Pattern.compile("^(?:(f|p|n|u|mu|µ|μ|m)?b\\^?-1|/(f|p|n|u|mu|µ|μ|m)?b)$");

    private Units() {}

    /** The recognised unit of {@code raw}, or empty when it is blank or not a luminosity unit. */
    public static Optional<Unit> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = compact(raw);
        int exponent = 0;
        Matcher m = POWER.matcher(s);
        if (m.matches()) {
            exponent = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            s = m.group(3);
        }
        if (isPerAreaPerSecond(s)) {
            return Optional.of(instantaneous(exponent));
        }
        Matcher b = INVERSE_BARN.matcher(s);
        if (b.matches() && exponent == 0) {
            String prefix = b.group(1) != null ? b.group(1) : b.group(2);
            return Optional.of(integrated(prefix == null ? "" : prefix));
        }
        return Optional.empty();
    }

    /** The unit of {@code raw}, or a {@link UnitException} naming it when it is not recognised. */
    public static Unit require(String raw) {
        return parse(raw).orElseThrow(() -> new UnitException("unknown unit '" + raw
                + "' (known: 10^{N}cm^{-2}s^{-1}, Hz/cm^2, pb^{-1}, fb^{-1}, nb^{-1}, {\\mu}b^{-1})"));
    }

    /** Instantaneous luminosity in units of 10^N cm^-2 s^-1. */
    public static Unit instantaneous(int exponent) {
        String canonical = exponent == 0 ? "cm^{-2}s^{-1}" : "10^{" + exponent + "}cm^{-2}s^{-1}";
        return new Unit(canonical, Family.INSTANTANEOUS_LUMINOSITY, Math.pow(10, exponent));
    }

    /** Lower-case, no braces, backslashes or blanks: {@code 10^{30}cm^{-2}s^{-1}} → {@code 10^30cm^-2s^-1}. */
    private static String compact(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '{' && c != '}' && c != '\\' && !Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isPerAreaPerSecond(String s) {
        return switch (s) {
            case "cm^-2s^-1", "cm-2s-1", "cm^-2.s^-1", "cm^-2*s^-1", "cm-2.s-1", "/cm^2/s", "/cm2/s",
                 "hz/cm^2", "hz/cm2", "hz.cm^-2", "hzcm^-2", "s^-1cm^-2" -> true;
            default -> false;
        };
    }

    private static Unit integrated(String prefix) {
        return switch (prefix) {
            case "f" -> new Unit("fb^{-1}", Family.INTEGRATED_LUMINOSITY, 1e3);
            case "p" -> new Unit("pb^{-1}", Family.INTEGRATED_LUMINOSITY, 1);
            case "n" -> new Unit("nb^{-1}", Family.INTEGRATED_LUMINOSITY, 1e-3);
            case "u", "mu", "µ", "μ" -> new Unit("{\\mu}b^{-1}", Family.INTEGRATED_LUMINOSITY, 1e-6);
            case "m" -> new Unit("mb^{-1}", Family.INTEGRATED_LUMINOSITY, 1e-9);
            default -> new Unit("b^{-1}", Family.INTEGRATED_LUMINOSITY, 1e-12);
        };
    }
}
