package io.lambda.speed.store;

import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Builds {@link CellStore}s: a persistent, changelogged key-value store without Kafka Streams' cache. */
public final class CellStoreBuilder implements StoreBuilder<CellStore> {

    private final StoreBuilder<KeyValueStore<Bytes, byte[]>> inner;

    public CellStoreBuilder(String name) {
        this.inner = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingDisabled().withLoggingEnabled(Map.of());
    }

    @Override
    public StoreBuilder<CellStore> withCachingEnabled() {
        throw new UnsupportedOperationException("the cell store caches in memory itself");
    }

    @Override
    public StoreBuilder<CellStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<CellStore> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<CellStore> withLoggingDisabled() {
        throw new UnsupportedOperationException("the cell store must be changelogged");
    }

    @Override
    public CellStore build() {
        return new CellStore(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
