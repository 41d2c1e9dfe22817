package org.runops.oms.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.runops.oms.OmsException;
import org.runops.oms.OmsRecord;
import org.runops.core.run.Quantity;

/**
 * Null-safe typed reads of {@link OmsRecord} attributes for the typed records. Absent, null and
 * (where noted) negative values are empty; a value of the wrong kind is an {@link OmsException}
 * naming the record and the attribute, never a ClassCastException.
 */
public final class Values {
    private Values() {}

    public static OptionalLong longValue(OmsRecord r, String attr) {
        Object v = r.attributes().get(attr);
        if (v == null) {
            return OptionalLong.empty();
        }
        if (v instanceof Long l) {
            return OptionalLong.of(l);
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return OptionalLong.of(d.longValue());
        }
        if (v instanceof String s) {
            try {
                return OptionalLong.of(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                throw wrongKind(r, attr, v, "an integer");
            }
        }
        throw wrongKind(r, attr, v, "an integer");
    }

    /** Like {@link #longValue} but a negative value (certifier saw negative bunches_colliding) is empty too. */
    public static OptionalLong count(OmsRecord r, String attr) {
        OptionalLong v = longValue(r, attr);
        return v.isPresent() && v.getAsLong() < 0 ? OptionalLong.empty() : v;
    }

    public static OptionalDouble doubleValue(OmsRecord r, String attr) {
        Object v = r.attributes().get(attr);
        if (v == null) {
            return OptionalDouble.empty();
        }
        if (v instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (v instanceof String s) {
            try {
                return OptionalDouble.of(Double.parseDouble(s.strip()));
            } catch (NumberFormatException e) {
                throw wrongKind(r, attr, v, "a number");
            }
        }
        throw wrongKind(r, attr, v, "a number");
    }

    /** The value with the record's unit for it ("" when OMS gave none), or empty. */
    public static Optional<Quantity> quantity(OmsRecord r, String attr) {
        OptionalDouble v = doubleValue(r, attr);
        return v.isPresent() ? Optional.of(new Quantity(v.getAsDouble(), r.units().getOrDefault(attr, ""))) : Optional.empty();
    }

    /** Text values; numbers and booleans are given as text too. Null and blank are empty. */
    public static Optional<String> text(OmsRecord r, String attr) {
        Object v = r.attributes().get(attr);
        if (v == null || v instanceof List) {
            return Optional.empty();
        }
        String s = v.toString();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    public static Optional<Boolean> bool(OmsRecord r, String attr) {
        Object v = r.attributes().get(attr);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        throw wrongKind(r, attr, v, "a boolean");
    }

    public static Optional<Instant> instant(OmsRecord r, String attr) {
        Optional<String> s = text(r, attr);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(s.get()));
        } catch (DateTimeParseException e) {
            throw new OmsException(r.type() + " " + r.id() + ": " + attr + " '" + s.get() + "' is not an ISO-8601 UTC time", e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<String> list(OmsRecord r, String attr) {
        Object v = r.attributes().get(attr);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return (List<String>) l;
        }
        if (v instanceof String s) { // a comma list written as text
            return s.isBlank() ? List.of() : List.of(s.split("\\s*,\\s*"));
        }
        throw wrongKind(r, attr, v, "a list");
    }

    private static OmsException wrongKind(OmsRecord r, String attr, Object v, String expected) {
        return new OmsException(r.type() + " " + r.id() + ": " + attr + " is " + v + " (" + v.getClass().getSimpleName()
                + "), expected " + expected);
    }
}
