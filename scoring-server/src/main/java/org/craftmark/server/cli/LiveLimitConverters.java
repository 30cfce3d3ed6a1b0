package org.craftmark.server.cli;

import org.craftmark.server.config.LiveSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --max-live-screens} and {@code --live-opens-per-address}: whole numbers in the range
 * {@link LiveSettings} accepts, so a bad one stops {@code serve} with the range rather than a stack trace.
 */
final class LiveLimitConverters {
    private LiveLimitConverters() {
    }

    static final class MaxScreens implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return within(value, 1, LiveSettings.MOST_SCREENS);
        }
    }

    static final class OpensPerAddress implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return within(value, 0, Integer.MAX_VALUE);
        }
    }

    private static int within(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new TypeConversionException("'" + value + "' is not a whole number from " + min + " to " + max);
    }
}
