package org.craftmark.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP operations of the served OpenAPI document, as much of each as a fuzzer needs. */
final class ApiOperations {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

    /**
     * One operation: its path template's parameters, whether it needs a bearer token, and the
     * request body's content type and top-level property names (null content type: no body), and
     * whether the body is required (an optional one may be ignored, so it cannot spoil a request).
     */
    record Operation(String method, String path, List<String> params, boolean needsToken, String bodyType, boolean bodyRequired,
                     List<String> fields) {
        boolean webSocket() {
            return path.startsWith("/ws/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ApiOperations() {
    }

    static List<Operation> read(String yaml) {
        JsonNode document;
        try {
            document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean tokenByDefault = !document.path("security").isEmpty();
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(operation(document, op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue(), tokenByDefault));
                }
            }
        }
        return operations;
    }

    private static Operation operation(JsonNode document, String method, String path, JsonNode op, boolean tokenByDefault) {
        List<String> params = new ArrayList<>();
        Matcher m = PARAM.matcher(path);
        while (m.find()) {
            params.add(m.group(1));
        }
        JsonNode security = op.path("security");
        boolean needsToken = security.isMissingNode() ? tokenByDefault
                : !security.isEmpty() && !anyEmpty(security);
        JsonNode content = op.path("requestBody").path("content");
        String bodyType = content.isEmpty() ? null : content.fieldNames().next();
        List<String> fields = bodyType == null ? List.of() : fields(document, content.path(bodyType).path("schema"));
        boolean bodyRequired = op.path("requestBody").path("required").asBoolean(false);
        return new Operation(method, path, List.copyOf(params), needsToken, bodyType, bodyRequired, fields);
    }

    /** An empty security requirement ({@code {}}) among the alternatives makes the token optional. */
    private static boolean anyEmpty(JsonNode requirements) {
        for (JsonNode requirement : requirements) {
            if (requirement.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Property names of a schema, through {@code $ref}s and {@code allOf}/{@code oneOf}/{@code anyOf}. */
    private static List<String> fields(JsonNode document, JsonNode schema) {
        Set<String> names = new TreeSet<>();
        collect(document, schema, names, 0);
        return List.copyOf(names);
    }

    private static void collect(JsonNode document, JsonNode schema, Set<String> names, int depth) {
        if (depth > 5) {
            return;
        }
        if (schema.has("$ref")) {
            collect(document, document.at(schema.get("$ref").asText().substring(1)), names, depth + 1);
            return;
        }
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(combinator).forEach(sub -> collect(document, sub, names, depth + 1));
        }
    }
}
