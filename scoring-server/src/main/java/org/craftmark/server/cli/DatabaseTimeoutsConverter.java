package org.craftmark.server.cli;

import org.craftmark.server.store.DatabaseTimeouts;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code --db-timeouts connect=5s,socket=30s,query=20s,acquire=5s,validation=2s}: any of the
 * five, in any order; the ones left out keep their defaults ({@link DatabaseTimeouts#DEFAULT}), so an
 * operator changes the one that matters without restating the rest. One option rather than five:
 * the timeouts constrain each other (socket above query), and are checked together.
 */
final class DatabaseTimeoutsConverter implements ITypeConverter<DatabaseTimeouts> {
    private static final List<String> NAMES = List.of("connect", "socket", "query", "acquire", "validation");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})(ms|s|m)");

    @Override
    public DatabaseTimeouts convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage() + " (e.g. query=20s,socket=30s; names: " + String.join(", ", NAMES) + "; units: ms, s, m)");
        }
    }

    static DatabaseTimeouts parse(String value) {
        Map<String, Duration> given = new LinkedHashMap<>();
        for (String part : value.split(",", -1)) {
            read(part, given);
        }
        DatabaseTimeouts d = DatabaseTimeouts.DEFAULT;
        return new DatabaseTimeouts(given.getOrDefault("connect", d.connect()), given.getOrDefault("socket", d.socket()),
                given.getOrDefault("query", d.query()), given.getOrDefault("acquire", d.acquire()),
                given.getOrDefault("validation", d.validation()));
    }

    /** One {@code name=duration} into {@code given}. */
    private static void read(String part, Map<String, Duration> given) {
        int eq = part.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("'" + part.strip() + "' is not name=duration");
        }
        String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String text = part.substring(eq + 1).strip();
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a database timeout");
        }
        Duration duration = duration(name, text);
        if (name.equals("query") && duration.toMillis() % 1000 != 0) {
            // JDBC takes whole seconds: 1500ms would quietly become 1 s.
            throw new IllegalArgumentException("the query timeout is in whole seconds, not " + text);
        }
        if (given.put(name, duration) != null) {
            throw new IllegalArgumentException("the " + name + " timeout is given twice");
        }
    }

    private static Duration duration(String name, String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("the " + name + " timeout '" + text + "' is not a duration like 500ms, 20s or 2m");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
