package io.lambda.speed.store;

import java.nio.charset.StandardCharsets;

import io.lambda.core.fold.CellKey;
import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.PartialField;

/**
 * A cell's key in the state store: {@code <view>:<version>\n<ChunkRef>\n<PartialField>}, the serving layout's own
 * texts, so the store and Redis can never name a cell differently. Only the partial field can hold a newline (inside
 * a dimension value), and it comes last.
 */
public final class CellCodec {

    private CellCodec() {
    }

    public static byte[] encode(CellKey key) {
        return (key.view().name() + ":" + key.view().version() + "\n" + key.speedChunk().encode() + "\n"
                + key.partialField().encode()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException when the bytes are no cell key
     */
    public static CellKey decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int first = text.indexOf('\n');
        int second = first < 0 ? -1 : text.indexOf('\n', first + 1);
        int colon = text.indexOf(':');
        if (second < 0 || colon < 0 || colon > first) {
            throw new IllegalArgumentException("not a cell key: '" + text + "'");
        }
        ViewVersion view = new ViewVersion(text.substring(0, colon), text.substring(colon + 1, first));
        return CellKey.ofPartial(view, ChunkRef.decode(text.substring(first + 1, second)),
                PartialField.decode(text.substring(second + 1)));
    }
}
