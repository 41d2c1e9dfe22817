package org.runops.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One run as a catalogue knows it: its number, when it started and ended (absent while it runs or
 * when the source does not say), and the source's other attributes as text, in the source's order.
 *
 * <p>Attribute conventions, the same for every backend: a unit the source gives for attribute
 * {@code a} is the attribute {@code a_unit}; a list (OMS {@code components}, RUN database partitions)
 * is its elements joined with {@value #LIST_SEPARATOR}; numbers are written in Java's
 * locale-independent form. The typed accessors below read the well-known names; a backend that does
 * not know an attribute leaves it out, and its accessor is empty.
 *
 * @param run        the run number, positive
 * @param start      start time, or null when unknown
 * @param end        end time, or null while running or unknown
 * @param attributes further attributes by name (for example {@code fill_number}, {@code b_field}); values as text
 */
public record RunRecord(long run, Instant start, Instant end, Map<String, String> attributes) {
    /** LHC fill number (OMS). */
    public static final String FILL_NUMBER = "fill_number";
    /** Magnet field; tesla unless {@code b_field_unit} says otherwise (OMS). */
    public static final String B_FIELD = "b_field";
    /** Beam energy; GeV unless {@code energy_unit} says otherwise (OMS). */
    public static final String ENERGY = "energy";
    /** Run length in whole seconds (OMS). */
    public static final String DURATION = "duration";
    /** Last lumisection with CMS active (OMS). */
    public static final String LAST_LUMISECTION = "last_lumisection_number";
    /** Number of events the DAQ recorded (fff run folders). */
    public static final String EVENTS = "events";
    /** The kind of run in the source's own vocabulary (OMS: collisions or cosmics; RUN database: the RUNMODE name). */
    public static final String RUN_TYPE = "run_type";
    /** Detector partitions that took part, a list (RUN database). */
    public static final String PARTITIONS = "partitions";
    /** Suffix of the attribute that holds another attribute's unit. */
    public static final String UNIT_SUFFIX = "_unit";
    /** What list elements are joined with (as in the shared OMS CSVs: {@code CSC;DAQ;DCS}). */
    public static final String LIST_SEPARATOR = ";";

    public RunRecord {
        if (run <= 0) {
            throw new IllegalArgumentException("run number must be positive: " + run);
        }
        Objects.requireNonNull(attributes, "attributes");
        // Map.copyOf would lose the source's order: keep an ordered, unmodifiable copy
        Map<String, String> copy = new LinkedHashMap<>(attributes.size() * 2);
        attributes.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "attribute name"),
                Objects.requireNonNull(value, () -> "run " + run + ": attribute " + name + " is null")));
        attributes = Collections.unmodifiableMap(copy);
    }

    /** The start time, if known. */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(start);
    }

    /** The end time, if the run has ended and the source says when. */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(end);
    }

    /** One attribute, if present. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** A numeric attribute; empty when absent, a {@link CatalogException} naming the run when it is not a number. */
    public OptionalDouble number(String name) {
        String v = attributes.get(name);
        if (v == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v.strip()));
        } catch (NumberFormatException e) {
            throw new CatalogException("run " + run + ": attribute " + name + " is '" + v + "', not a number");
        }
    }

    /** A whole-number attribute; empty when absent, a {@link CatalogException} naming the run when it is not one. */
    public OptionalLong wholeNumber(String name) {
        String v = attributes.get(name);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw new CatalogException("run " + run + ": attribute " + name + " is '" + v + "', not a whole number");
        }
    }

    /** A numeric attribute with the unit the source gave ({@code <name>_unit}), "" when it gave none. */
    public Optional<Quantity> quantity(String name) {
        return quantity(name, "");
    }

    private Optional<Quantity> quantity(String name, String defaultUnit) {
        OptionalDouble v = number(name);
        return v.isPresent() ? Optional.of(new Quantity(v.getAsDouble(), attributes.getOrDefault(name + UNIT_SUFFIX, defaultUnit)))
                : Optional.empty();
    }

    /** A list attribute's elements; empty when absent. */
    public List<String> list(String name) {
        String v = attributes.get(name);
        return v == null || v.isEmpty() ? List.of() : List.of(v.split(LIST_SEPARATOR, -1));
    }

    /** The LHC fill, absent for runs without beam or sources that do not know it. */
    public OptionalLong fill() {
        return wholeNumber(FILL_NUMBER);
    }

    /** The magnet field, in tesla unless the source gave another unit. */
    public Optional<Quantity> bField() {
        return quantity(B_FIELD, "T");
    }

    /** The beam energy, in GeV unless the source gave another unit. */
    public Optional<Quantity> energy() {
        return quantity(ENERGY, "GeV");
    }

    /** Instantaneous luminosity at the start, in the source's unit (OMS: 10^{30} to 10^{34} cm^-2 s^-1 by era). */
    public Optional<Quantity> initLumi() {
        return quantity("init_lumi");
    }

    /** Instantaneous luminosity at the end, in the source's unit. */
    public Optional<Quantity> endLumi() {
        return quantity("end_lumi");
    }

    /** Integrated delivered luminosity, in the source's unit (OMS: pb^-1). */
    public Optional<Quantity> deliveredLumi() {
        return quantity("delivered_lumi");
    }

    /** Integrated recorded luminosity, in the source's unit. */
    public Optional<Quantity> recordedLumi() {
        return quantity("recorded_lumi");
    }

    /** {@value #DURATION} seconds when the source says, else end − start when both are known. */
    public Optional<Duration> duration() {
        OptionalLong s = wholeNumber(DURATION);
        if (s.isPresent()) {
            return Optional.of(Duration.ofSeconds(s.getAsLong()));
        }
        return start != null && end != null ? Optional.of(Duration.between(start, end)) : Optional.empty();
    }

    /** The last lumisection, if the source counts them. */
    public OptionalLong lastLumisection() {
        return wholeNumber(LAST_LUMISECTION);
    }

    /** Events recorded, if the source counts them. */
    public OptionalLong events() {
        return wholeNumber(EVENTS);
    }

    /** The kind of run in the source's vocabulary ({@value #RUN_TYPE}). */
    public Optional<String> runType() {
        return attribute(RUN_TYPE);
    }

    /** The partitions that took part ({@value #PARTITIONS}); empty when the source does not say. */
    public List<String> partitions() {
        return list(PARTITIONS);
    }
}
