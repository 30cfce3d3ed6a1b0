package org.craftmark.server.escaping;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apps build their pages with {@code h()} (text nodes and attributes only): no script parses a
 * string as HTML, so no name can become markup on a page the browser test does not reach.
 */
@DisplayName("No app script turns a string into HTML")
class AppsBuildNoHtmlFromStringsTest {
    private static final Path WEBROOT = Path.of("src/main/resources/webroot");
    private static final Pattern HTML_SINKS = Pattern.compile(
            "\\.(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment)\\b|document\\.write|\\beval\\(|new Function\\(|\\.srcdoc\\b|parseFromString");

    @Test
    void noScriptUsesAnHtmlSink() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            offending = files.filter(p -> p.toString().endsWith(".js")).flatMap(AppsBuildNoHtmlFromStringsTest::sinks).toList();
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theScanSeesTheApps() throws IOException {
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            assertThat(files.filter(p -> p.toString().endsWith(".js")).count()).as("the scripts under " + WEBROOT).isGreaterThan(20);
        }
    }

    private static Stream<String> sinks(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> HTML_SINKS.matcher(lines.get(i)).find())
                    .mapToObj(i -> WEBROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
