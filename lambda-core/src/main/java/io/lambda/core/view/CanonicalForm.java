package io.lambda.core.view;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.lambda.core.metric.MetricSpec;
import io.lambda.core.time.Granularity;

/**
 * Writes the canonical form of a view (see {@link ViewDefinition#canonicalForm()}) and hashes it. The JSON
 * is written by hand, not by a JSON library, so a library upgrade can never change a version: keys in a
 * fixed order, no whitespace, strings escaping only {@code "}, {@code \} and control characters.
 */
final class CanonicalForm {

    private static final int VERSION_HEX_CHARS = 12;

    private CanonicalForm() {
    }

    static String of(String name, String eventType, Map<String, String> sortedWhere, List<String> dimensions,
            List<Granularity> granularities, List<MetricSpec> metrics) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"name\":");
        string(json, name);
        json.append(",\"eventType\":");
        string(json, eventType);
        json.append(",\"where\":{");
        String separator = "";
        for (Map.Entry<String, String> entry : sortedWhere.entrySet()) {
            json.append(separator);
            string(json, entry.getKey());
            json.append(':');
            string(json, entry.getValue());
            separator = ",";
        }
        json.append("},\"dimensions\":[");
        separator = "";
        for (String dimension : dimensions) {
            json.append(separator);
            string(json, dimension);
            separator = ",";
        }
        json.append("],\"granularities\":[");
        separator = "";
        for (Granularity granularity : granularities) {
            json.append(separator);
            string(json, granularity.id());
            separator = ",";
        }
        json.append("],\"metrics\":[");
        separator = "";
        for (MetricSpec metric : metrics) {
            json.append(separator).append("{\"name\":");
            string(json, metric.name());
            json.append(",\"kind\":");
            string(json, metric.kind().name().toLowerCase(Locale.ROOT));
            if (metric.field() != null) {
                json.append(",\"field\":");
                string(json, metric.field());
            }
            json.append('}');
            separator = ",";
        }
        return json.append("]}").toString();
    }

    /**
     * The version of a canonical form: its SHA-256 together with {@link ViewDefinition#FOLD_SEMANTICS}, so stored
     * values computed under other bucket, rollup or value-text rules never share a version with today's.
     */
    static String version(String canonicalForm) {
        try {
            String hashed = canonicalForm + "\nfold-semantics=" + ViewDefinition.FOLD_SEMANTICS;
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hashed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, VERSION_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
