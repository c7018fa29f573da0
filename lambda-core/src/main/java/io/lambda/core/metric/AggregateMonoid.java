package io.lambda.core.metric;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lambda.core.event.Event;
import org.jspecify.annotations.Nullable;

/**
 * The monoid of a view's metrics: an {@link Aggregate} is the tuple of their states, and every
 * operation works metric by metric. Speed, batch and query share one instance per view version.
 *
 * <p>Format v1 of an aggregate: tag {@code 0xA1}, unsigned LEB128 number of metrics, then per metric
 * (in {@link #specs()} order) the unsigned LEB128 length of its state's bytes followed by those bytes
 * (each starting with its own kind tag, see {@link MetricMonoid#serialize}).
 *
 * <p>Immutable and thread-safe; the aggregates it returns are not (see {@link Aggregate}).
 */
public final class AggregateMonoid implements Monoid<Aggregate> {

    static final int TAG = 0xA1;

    private final List<MetricSpec> specs;
    private final MetricMonoid<Object>[] monoids;
    private final @Nullable String[] fields;

    /** The monoid of {@code specs} with {@link SketchSettings#DEFAULTS}. */
    public AggregateMonoid(List<MetricSpec> specs) {
        this(specs, SketchSettings.DEFAULTS);
    }

    /**
     * The monoid of {@code specs}, sketches sized by {@code settings}.
     *
     * @throws IllegalArgumentException if two metrics share a name
     */
    @SuppressWarnings("unchecked")
    public AggregateMonoid(List<MetricSpec> specs, SketchSettings settings) {
        this.specs = List.copyOf(specs);
        this.monoids = new MetricMonoid[this.specs.size()];
        this.fields = new String[this.specs.size()];
        Set<String> names = new HashSet<>();
        for (int i = 0; i < this.specs.size(); i++) {
            MetricSpec spec = this.specs.get(i);
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("Duplicate metric name '" + spec.name() + "'");
            }
            monoids[i] = (MetricMonoid<Object>) Metrics.monoidFor(spec.kind(), settings);
            fields[i] = spec.field();
        }
    }

    /** The metrics, in the order of the aggregate's states. */
    public List<MetricSpec> specs() {
        return specs;
    }

    @Override
    public Aggregate empty() {
        Object[] states = new Object[monoids.length];
        for (int i = 0; i < monoids.length; i++) {
            states[i] = monoids[i].empty();
        }
        return new Aggregate(states);
    }

    /**
     * Adds one event: each metric reads its field from {@code event.attributes()} (count counts the
     * event). The caller must already have applied the view's filter.
     *
     * @param aggregate an aggregate owned by the caller; updated in place
     * @return {@code aggregate}, updated
     */
    public Aggregate add(Aggregate aggregate, Event event) {
        checkShape(aggregate);
        Map<String, Object> attributes = event.attributes();
        for (int i = 0; i < monoids.length; i++) {
            String field = fields[i];
            Object value = field == null ? null : attributes.get(field);
            aggregate.setState(i, monoids[i].add(aggregate.state(i), value));
        }
        return aggregate;
    }

    @Override
    public Aggregate combine(Aggregate left, Aggregate right) {
        checkShape(left);
        checkShape(right);
        Object[] states = new Object[monoids.length];
        for (int i = 0; i < monoids.length; i++) {
            states[i] = monoids[i].combine(left.state(i), right.state(i));
        }
        return new Aggregate(states);
    }

    /** The compact, versioned bytes of {@code aggregate} (format in the class comment). */
    public byte[] serialize(Aggregate aggregate) {
        checkShape(aggregate);
        StateWriter writer = new StateWriter(16 + 16 * monoids.length)
                .writeByte(TAG)
                .writeUnsignedVarLong(monoids.length);
        for (int i = 0; i < monoids.length; i++) {
            byte[] state = monoids[i].serialize(aggregate.state(i));
            writer.writeUnsignedVarLong(state.length).writeBytes(state);
        }
        return writer.toByteArray();
    }

    /**
     * A fresh aggregate from bytes written by {@link #serialize} for the same metrics.
     *
     * @throws IllegalArgumentException if the bytes are corrupt or hold other metrics
     */
    public Aggregate deserialize(byte[] bytes) {
        StateReader reader = StateReader.expectingTag(bytes, TAG, "aggregate");
        long count = reader.readUnsignedVarLong();
        if (count != monoids.length) {
            throw new IllegalArgumentException(
                    "Aggregate holds " + count + " metric states but the view has " + monoids.length);
        }
        Object[] states = new Object[monoids.length];
        for (int i = 0; i < monoids.length; i++) {
            long length = reader.readUnsignedVarLong();
            if (length > bytes.length) {
                throw new IllegalArgumentException("Corrupt aggregate: state length " + length);
            }
            states[i] = monoids[i].deserialize(reader.readBytes((int) length));
        }
        reader.expectEnd();
        return new Aggregate(states);
    }

    /**
     * The answer of every metric, by name in {@link #specs()} order (see {@link MetricMonoid#result}
     * for the value types; min, max, avg and quantiles may be null).
     */
    public Map<String, @Nullable Object> results(Aggregate aggregate, ResultOptions options) {
        checkShape(aggregate);
        Map<String, @Nullable Object> results = new LinkedHashMap<>();
        for (int i = 0; i < monoids.length; i++) {
            results.put(specs.get(i).name(), monoids[i].result(aggregate.state(i), options));
        }
        return Collections.unmodifiableMap(results);
    }

    /**
     * The answer of one metric.
     *
     * @throws IllegalArgumentException if the view has no metric of that name
     */
    public @Nullable Object result(Aggregate aggregate, String metric, ResultOptions options) {
        checkShape(aggregate);
        for (int i = 0; i < monoids.length; i++) {
            if (specs.get(i).name().equals(metric)) {
                return monoids[i].result(aggregate.state(i), options);
            }
        }
        throw new IllegalArgumentException("Unknown metric '" + metric + "'");
    }

    private void checkShape(Aggregate aggregate) {
        if (aggregate.size() != monoids.length) {
            throw new IllegalArgumentException(
                    "Aggregate has " + aggregate.size() + " states but the view has " + monoids.length + " metrics");
        }
    }
}
