package io.lambda.core.metric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.jspecify.annotations.Nullable;

/**
 * Most frequent string forms of a field: a DataSketches frequent-items sketch.
 *
 * <p>The answer uses {@link ErrorType#NO_FALSE_NEGATIVES}: every value whose true count exceeds the
 * sketch's maximum error is a candidate, so a truly frequent value is never missing; candidates are
 * ordered by estimated count (then by value) and cut at the limit. Counts are estimates, never below
 * the truth and at most {@code getMaximumError()} above it; exact until the sketch first evicts.
 *
 * <p>Format v1: tag {@code 0x81}, then the sketch's serialization with UTF-8 items.
 */
final class TopMonoid implements MetricMonoid<ItemsSketch<String>> {

    static final int TAG = 0x81;
    private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();
    private static final Comparator<TopValue> LARGEST_FIRST =
            Comparator.comparingLong(TopValue::count).reversed().thenComparing(TopValue::value);

    private final int maxMapSize;

    TopMonoid(int maxMapSize) {
        this.maxMapSize = maxMapSize;
    }

    @Override
    public MetricKind kind() {
        return MetricKind.TOP;
    }

    @Override
    public ItemsSketch<String> empty() {
        return new ItemsSketch<>(maxMapSize);
    }

    @Override
    public ItemsSketch<String> add(ItemsSketch<String> state, @Nullable Object value) {
        String text = TextValue.of(value);
        if (text != null) {
            state.update(text);
        }
        return state;
    }

    @Override
    public ItemsSketch<String> combine(ItemsSketch<String> left, ItemsSketch<String> right) {
        // ItemsSketch has no copy(): merging both into a fresh sketch leaves the arguments untouched
        ItemsSketch<String> result = new ItemsSketch<>(maxMapSize);
        result.merge(left);
        result.merge(right);
        return result;
    }

    @Override
    public byte[] serialize(ItemsSketch<String> state) {
        return StateWriter.tagged(TAG, state.toByteArray(SERDE));
    }

    @Override
    public ItemsSketch<String> deserialize(byte[] bytes) {
        return StateReader.sketch(bytes, TAG, "top", memory -> ItemsSketch.getInstance(memory, SERDE));
    }

    @Override
    public List<TopValue> result(ItemsSketch<String> state, ResultOptions options) {
        ItemsSketch.Row<String>[] rows = state.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES);
        List<TopValue> values = new ArrayList<>(rows.length);
        for (ItemsSketch.Row<String> row : rows) {
            values.add(new TopValue(row.getItem(), row.getEstimate()));
        }
        values.sort(LARGEST_FIRST);
        return List.copyOf(values.subList(0, Math.min(options.topLimit(), values.size())));
    }
}
