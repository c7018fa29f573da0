package io.lambda.core.merge;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which layers an answer reads (API.md {@code layer}): both merged, the batch view alone or the speed partials alone. */
public enum Layer {
    MERGED, BATCH, SPEED;

    /** The lower-case spelling of the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the answer reads batch rows. */
    public boolean readsBatch() {
        return this != SPEED;
    }

    /** Whether the answer reads speed partials. */
    public boolean readsSpeed() {
        return this != BATCH;
    }

    /**
     * @throws IllegalArgumentException {@code layer 'x' is not one of merged, batch, speed}
     */
    public static Layer parse(String id) {
        for (Layer layer : values()) {
            if (layer.id().equals(id)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("layer '" + id + "' is not one of "
                + Arrays.stream(values()).map(Layer::id).collect(Collectors.joining(", ")));
    }
}
