package org.craftmark.server.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hostile values: path ids that name nothing, JSON values of every wrong type and size, bodies
 * that are not a JSON object, and strings an attacker would try.
 */
final class Hostile {
    static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE marks; --", "\" OR \"\"=\"", "${jndi:ldap://x/a}",
            "<img src=x onerror=alert(1)>", "../../../../etc/passwd", "%00", "\u0000", "{{7*7}}", "admin'--", "\\u0000",
            "=cmd|' /C calc'!A0", "𠜎𠜱𠝹", "\uFEFF", "\u202Etxt.exe", "NaN", "Infinity", "-0", "1e999");

    private Hostile() {
    }

    /** A path parameter that names no resource of ours (or is not one at all). */
    static Arbitrary<String> pathParam() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
                        "99999999999999999999999999", "1.5", "1e3", "0x10", "NaN", "Infinity", "%20", "%00", "%2e%2e", "null",
                        "true", "%E4%BD%A0", "%FF%FE", "999999", "000000x", "00000000000000000X"),
                Arbitraries.longs().between(1_000_000, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.of(INJECTIONS).map(Hostile::encode),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(300).map(Hostile::encode));
    }

    /** A JSON value of any type, hostile in size or content, as JSON text. */
    static Arbitrary<String> value() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "[]", "{}", "\"\"", "-1", "0", "-0", "1e308", "-1e308", "1e400", "1E-400",
                        "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616", "0.0000000000001",
                        "3.14159265358979323846264338327950288", "\"NaN\"", "\"Infinity\"", "[null]", "{\"\":{}}"),
                Arbitraries.of(INJECTIONS).map(Hostile::quote),
                Arbitraries.strings().ofMaxLength(200).map(Hostile::quote),
                Arbitraries.integers().between(1, 3000).map(d -> "[".repeat(d) + "]".repeat(d)),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0"),
                Arbitraries.integers().between(1, 5000).map(n -> "\"" + "x".repeat(n * 10) + "\""));
    }

    /**
     * A value no field accepts: a non-empty array or object of the wrong content (an empty one could
     * be a valid empty list or policy), never a scalar.
     */
    static Arbitrary<String> wrongTypeValue() {
        return Arbitraries.oneOf(
                Arbitraries.of("[1,2]", "{\"a\":1}", "[null]", "[{}]", "[[[[[[[[[[]]]]]]]]]]", "[\"NaN\"]", "{\"$gt\":\"\"}"),
                Arbitraries.integers().between(1, 3000).map(d -> "{\"a\":".repeat(d) + "1" + "}".repeat(d)));
    }

    /** A body of bytes that is not one JSON object. */
    static Arbitrary<byte[]> notAnObject() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "{", "}", "{\"a\":}", "{'a':1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}",
                        "{\"a\":1,}", "{\"a\":1}{}", "[]", "[{}]", "\"text\"", "42", "null", "true", "{\"a\":1,\"a\":2}",
                        "{\"a\":01}", "{\"a\":.5}", "{\"a\":\"\\ud800\"}", "\uFEFF{}", "<xml/>", "a=1&b=2", "{\"a\":\"\u0000\"}")
                        .map(Hostile::utf8),
                value().map(Hostile::utf8),
                Arbitraries.integers().between(1, 20_000).map(d -> utf8("[".repeat(d) + "]".repeat(d))),
                Arbitraries.integers().between(1, 20_000).map(d -> utf8("{\"a\":".repeat(d) + "1" + "}".repeat(d))),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                Arbitraries.of(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                        new byte[] {'{', '"', (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}'},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
    }

    /** A JSON object whose every named field has a wrong or hostile value, and some unknown fields. */
    static Arbitrary<String> objectWithWrongTypes(List<String> fields) {
        Arbitrary<List<String>> values = wrongTypeValue().list().ofSize(Math.max(1, fields.size()));
        Arbitrary<List<String>> extras = Combinators.combine(Arbitraries.of(INJECTIONS), value()).as((k, v) -> quote(k) + ":" + v)
                .list().ofMaxSize(3);
        return Combinators.combine(values, extras).as((vs, more) -> {
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < fields.size(); i++) {
                json.append(i == 0 ? "" : ",").append(quote(fields.get(i))).append(':').append(vs.get(i));
            }
            more.forEach(extra -> json.append(json.length() > 1 ? "," : "").append(extra));
            return json.append('}').toString();
        });
    }

    /** Far more fields than any request has (wide JSON), each with a hostile value. */
    static Arbitrary<String> wideObject() {
        return Arbitraries.integers().between(1000, 40_000).map(n -> {
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < n; i++) {
                json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":[").append(i).append(']');
            }
            return json.append('}').toString();
        });
    }

    /** Bodies past the 1 MiB limit (and past the import's 10 MiB): 413, never a stored byte. */
    static Arbitrary<byte[]> oversized() {
        return Arbitraries.of(1024 * 1024 + 1, 2 * 1024 * 1024, 10 * 1024 * 1024 + 1)
                .map(size -> {
                    byte[] body = new byte[size];
                    java.util.Arrays.fill(body, (byte) ' ');
                    body[0] = '{';
                    body[size - 1] = '}';
                    return body;
                });
    }

    static String quote(String text) {
        return io.vertx.core.json.Json.encode(text);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
