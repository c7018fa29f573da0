package io.lambda.core.serving;

import io.lambda.core.serving.ServingKey.BatchIndex;
import io.lambda.core.serving.ServingKey.BatchRows;
import io.lambda.core.serving.ServingKey.Pointer;
import io.lambda.core.serving.ServingKey.Runs;
import io.lambda.core.serving.ServingKey.SpeedFrom;
import io.lambda.core.serving.ServingKey.SpeedIndex;
import io.lambda.core.serving.ServingKey.SpeedOffset;
import io.lambda.core.serving.ServingKey.SpeedPartial;
import io.lambda.core.serving.ServingKey.SpeedPartitions;
import org.jspecify.annotations.Nullable;

/** Parses the part of a key after the prefix; {@link ServingKeys#parse} checks the result formats back. */
final class ServingKeyParser {

    private ServingKeyParser() {
    }

    static @Nullable ServingKey parse(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String type = key.substring(0, colon);
        String rest = key.substring(colon + 1);
        if (type.equals("b")) {
            String[] parts = rest.split(":", 4);
            return parts.length != 4 ? null
                    : new BatchRows(parts[0], parts[1], parts[2], ChunkRef.decode(parts[3]));
        }
        if (!rest.startsWith("{") || rest.indexOf('}') < 0) {
            return null;
        }
        String[] tag = rest.substring(1, rest.indexOf('}')).split(":", -1);
        String suffix = rest.substring(rest.indexOf('}') + 1);
        if (type.equals("s")) {
            return tag.length == 3 && suffix.startsWith(":") ? speed(tag, suffix.substring(1)) : null;
        }
        if (tag.length != 2) {
            return null;
        }
        return switch (type) {
            case "ptr" -> suffix.isEmpty() ? new Pointer(tag[0], tag[1]) : null;
            case "runs" -> suffix.isEmpty() ? new Runs(tag[0], tag[1]) : null;
            case "sp" -> suffix.isEmpty() ? new SpeedPartitions(tag[0], tag[1]) : null;
            case "bi" -> suffix.startsWith(":") ? new BatchIndex(tag[0], tag[1], suffix.substring(1)) : null;
            default -> null;
        };
    }

    private static ServingKey speed(String[] tag, String suffix) {
        int partition = partition(tag[2]);
        return switch (suffix) {
            case "offset" -> new SpeedOffset(tag[0], tag[1], partition);
            case "idx" -> new SpeedIndex(tag[0], tag[1], partition);
            case "from" -> new SpeedFrom(tag[0], tag[1], partition);
            default -> new SpeedPartial(tag[0], tag[1], partition, ChunkRef.decode(suffix));
        };
    }

    private static int partition(String text) {
        if (!text.matches("0|[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("partition '" + text + "' is not a number");
        }
        return Integer.parseInt(text);
    }
}
