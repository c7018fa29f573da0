package io.lambda.speed.topology;

import java.time.Duration;

import io.lambda.core.fold.ViewFold;
import io.lambda.speed.publish.PartialWriter;
import io.lambda.speed.store.CellStoreBuilder;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The speed topology (production and tests build it here): the event topic into one processor per source partition
 * ({@link SpeedProcessor}; no repartition), its three changelogged stores, and the dead-letter sink.
 */
public final class SpeedTopology {

    /** The task's partials ({@link io.lambda.speed.store.CellStore}). */
    public static final String CELL_STORE = "speed-cells";
    /** Position, effective ingest time, start slots ({@link TaskPosition}). */
    public static final String META_STORE = "speed-meta";
    /** Ids seen within the dedup window, by effective ingest time. */
    public static final String DEDUP_STORE = "speed-dedup";

    private SpeedTopology() {
    }

    public static void buildTopology(StreamsBuilder builder, SpeedSettings settings, PartialWriter writer,
            SpeedMetrics metrics) {
        ViewFold fold = new ViewFold(settings.views(), settings.sketches());
        builder.addStateStore(new CellStoreBuilder(CELL_STORE));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(META_STORE), Serdes.String(),
                Serdes.String()).withCachingEnabled());
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(DEDUP_STORE,
                settings.dedupWindow(), Duration.ofMillis(1), false), Serdes.String(), Serdes.Long())
                .withCachingDisabled());
        builder.stream(settings.topic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("events"))
                .process(() -> new SpeedProcessor(settings, fold, writer, metrics), Named.as("speed"), CELL_STORE,
                        META_STORE, DEDUP_STORE)
                .to(settings.deadLetterTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName("dead-letters"));
    }
}
