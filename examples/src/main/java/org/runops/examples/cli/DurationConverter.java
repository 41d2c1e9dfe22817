package org.runops.examples.cli;

import java.time.Duration;
import org.runops.core.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations on the command line: {@code 90s}, {@code 30m}, {@code 24h}, {@code 2d}, or ISO-8601 ({@code PT1H30M}). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
