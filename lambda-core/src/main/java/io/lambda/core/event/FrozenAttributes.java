package io.lambda.core.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The attributes the reader collected for one event, in document order: an unmodifiable map over two arrays that
 * nobody else holds. {@link Event} keeps it as it is instead of copying it, which saves a copy per ingested event,
 * and the arrays, unlike a hash map's nodes, lie next to each other, so reading every attribute (the Avro encoder
 * does, once per event) touches little memory. Lookups scan the keys; events have a few dozen attributes at most,
 * and a map with more than {@value #INDEXED_FROM} gets a hash index. Only {@link Builder} creates one.
 */
final class FrozenAttributes extends AbstractMap<String, Object> {

    /** From this many keys on, a hash index finds keys, so hostile objects with many keys stay linear to read. */
    static final int INDEXED_FROM = 16;

    private final String[] keys;
    private final Object[] values;
    private final int size;
    private final @Nullable Map<String, Integer> index;

    private FrozenAttributes(String[] keys, Object[] values, int size, @Nullable Map<String, Integer> index) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.index = index;
    }

    /** Collects attributes in order; the first value of a key wins. Not thread-safe; starts empty again after a build. */
    static final class Builder {

        private String[] keys = new String[16];
        private Object[] values = new Object[16];
        private int size;
        private @Nullable Map<String, Integer> index;

        /** Adds {@code key} unless it is there already; false (and nothing changed) when it is. */
        boolean add(String key, Object value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (find(keys, size, index, key) >= 0) {
                return false;
            }
            if (size == keys.length) {
                int capacity = Math.max(16, size * 2);
                keys = Arrays.copyOf(keys, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            keys[size] = key;
            values[size] = value;
            if (index != null) {
                index.put(key, size);
            } else if (size + 1 == INDEXED_FROM) {
                index = new HashMap<>(INDEXED_FROM * 4);
                for (int i = 0; i <= size; i++) {
                    index.put(keys[i], i);
                }
            }
            size++;
            return true;
        }

        FrozenAttributes build() {
            FrozenAttributes attributes = new FrozenAttributes(keys, values, size, index);
            keys = new String[0]; // the map owns the arrays now
            values = new Object[0];
            size = 0;
            index = null;
            return attributes;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public @Nullable Object get(Object key) {
        int i = find(keys, size, index, key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return find(keys, size, index, key) >= 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private static int find(String[] keys, int size, @Nullable Map<String, Integer> index, @Nullable Object key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
