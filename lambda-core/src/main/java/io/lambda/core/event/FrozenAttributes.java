package io.lambda.core.event;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable map over a map that nobody else holds: the attributes the reader collected for one event.
 * {@link Event} keeps it as it is instead of copying it, which saves a copy per ingested event. Only
 * {@link EventObjectReader} creates one, from a map it never touches again.
 */
final class FrozenAttributes extends AbstractMap<String, Object> {

    private final Map<String, Object> view;

    /** @param owned a map no other code holds a reference to */
    FrozenAttributes(Map<String, Object> owned) {
        this.view = Collections.unmodifiableMap(owned);
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        return view.isEmpty();
    }

    @Override
    public @Nullable Object get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return view.containsValue(value);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return view.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return view.keySet();
    }

    @Override
    public Collection<Object> values() {
        return view.values();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        view.forEach(action);
    }
}
