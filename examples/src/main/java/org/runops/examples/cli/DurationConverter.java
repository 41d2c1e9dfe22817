package org.runops.examples.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line: {@code 90s}, {@code 30m}, {@code 24h}, {@code 2d}, or ISO-8601 ({@code PT1H30M}). */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");

    @Override
    public Duration convert(String value) {
        String v = value.strip();
        Matcher m = SHORT.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a duration: use 90s, 30m, 24h, 2d or ISO-8601 like PT1H30M");
        }
    }
}
