package io.lambda.speed.publish;

import java.util.Map;
import java.util.Objects;

import io.lambda.core.serving.ChunkRef;

/**
 * The fields one flush writes into one partial hash.
 *
 * @param chunk  the hash, relative to its partition ({@code <gran>:<rollup>:<slotChunk>})
 * @param fields encoded {@code PartialField} text to full aggregate bytes
 */
public record HashWrite(ChunkRef chunk, Map<String, byte[]> fields) {

    public HashWrite {
        Objects.requireNonNull(chunk, "chunk");
        fields = Map.copyOf(fields);
    }
}
