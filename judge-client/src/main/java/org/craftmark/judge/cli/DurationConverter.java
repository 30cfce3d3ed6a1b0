package org.craftmark.judge.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;

/** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, plain seconds ({@code 90}) or ISO-8601 ({@code PT30S}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value);
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(number(value));
                case 'm' -> Duration.ofMinutes(number(value));
                case 'h' -> Duration.ofHours(number(value));
                default -> Duration.ofSeconds(Long.parseLong(value));
            };
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration like 30s, 5m or 500ms");
        }
    }

    private static long number(String value) {
        return Long.parseLong(value.substring(0, value.length() - 1));
    }
}
