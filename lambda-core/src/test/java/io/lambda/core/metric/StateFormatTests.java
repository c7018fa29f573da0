package io.lambda.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.lambda.core.event.Event;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.junit.jupiter.api.Test;

/** The byte forms are stored in Redis and read by other versions of the code: they must not drift. */
class StateFormatTests {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void shouldWriteCountsAsTagAndVarint() {
        CountMonoid monoid = new CountMonoid();

        assertThat(hex(monoid.serialize(new CountMonoid.Count(0)))).isEqualTo("1100");
        assertThat(hex(monoid.serialize(new CountMonoid.Count(300)))).isEqualTo("11ac02");
        assertThat(monoid.deserialize(HEX.parseHex("11ac02")).value).isEqualTo(300);
    }

    @Test
    void shouldWriteSumsCompactlyAndOnlyAsWideAsNeeded() {
        SumMonoid monoid = new SumMonoid();

        assertThat(hex(monoid.serialize(sum(-3L)))).isEqualTo("210005");
        assertThat(hex(monoid.serialize(sum(1L, 0.5)))).isEqualTo("210102" + "3fe0000000000000" + "0000000000000000");
        assertThat(hex(monoid.serialize(sum(Long.MAX_VALUE, 1L)))).isEqualTo("2102" + "ffffffffffffffffff01" + "00");
        assertThat(monoid.result(monoid.deserialize(HEX.parseHex("2102ffffffffffffffffff0100")), ResultOptions.DEFAULTS))
                .isEqualTo(0x1p63);
    }

    @Test
    void shouldWriteMinMaxAndAvgStates() {
        ExtremumMonoid min = ExtremumMonoid.min();
        ExtremumMonoid max = ExtremumMonoid.max();
        AvgMonoid avg = new AvgMonoid();

        assertThat(hex(min.serialize(min.empty()))).isEqualTo("31");
        assertThat(hex(min.serialize(min.add(min.empty(), 2.5)))).isEqualTo("314004000000000000");
        assertThat(hex(max.serialize(max.add(max.empty(), -1L)))).isEqualTo("41bff0000000000000");
        assertThat(hex(avg.serialize(avg.add(avg.add(avg.empty(), 2L), 4L)))).isEqualTo("5102000c");
        assertThat(avg.result(avg.deserialize(HEX.parseHex("5102000c")), ResultOptions.DEFAULTS)).isEqualTo(3.0);
    }

    @Test
    void shouldWrapSketchesInTheirOwnSerialization() {
        DistinctMonoid distinct = new DistinctMonoid(12);
        QuantilesMonoid quantiles = new QuantilesMonoid(200);
        TopMonoid top = new TopMonoid(64);

        var hll = distinct.add(distinct.empty(), "u-1");
        var kll = quantiles.add(quantiles.empty(), 7L);
        var items = top.add(top.empty(), "DE");

        assertThat(distinct.serialize(hll)).isEqualTo(tagged(0x61, hll.toCompactByteArray()));
        assertThat(quantiles.serialize(kll)).isEqualTo(tagged(0x71, kll.toByteArray()));
        assertThat(top.serialize(items)).isEqualTo(tagged(0x81, items.toByteArray(new ArrayOfStringsSerDe())));
        assertThat(hex(distinct.serialize(distinct.empty()))).hasSize(2 + 16);
        assertThat(quantiles.result(quantiles.deserialize(quantiles.serialize(kll)), ResultOptions.DEFAULTS)).isEqualTo(7.0);
        assertThat(top.result(top.deserialize(top.serialize(items)), ResultOptions.DEFAULTS)).containsExactly(new TopValue("DE", 1));
    }

    @Test
    void shouldPrefixEveryStateOfAnAggregateWithItsLength() {
        AggregateMonoid monoid = new AggregateMonoid(List.of(MetricSpec.count("views"),
                MetricSpec.of("time", MetricKind.SUM, "durationMs")));
        Aggregate aggregate = monoid.add(monoid.empty(), Event.of("e1", "pageview", Instant.EPOCH, Map.of("durationMs", 5L)));

        assertThat(hex(monoid.serialize(aggregate))).isEqualTo("a102" + "02" + "1101" + "03" + "21000a");
    }

    @Test
    void shouldRejectCorruptOrForeignBytes() {
        CountMonoid count = new CountMonoid();
        SumMonoid sum = new SumMonoid();
        DistinctMonoid distinct = new DistinctMonoid(12);

        assertThatIllegalArgumentException().isThrownBy(() -> count.deserialize(HEX.parseHex("2100")))
                .withMessageContaining("Not a count state");
        assertThatIllegalArgumentException().isThrownBy(() -> count.deserialize(HEX.parseHex("11ac")))
                .withMessageContaining("truncated");
        assertThatIllegalArgumentException().isThrownBy(() -> count.deserialize(HEX.parseHex("110100")))
                .withMessageContaining("trailing");
        assertThatIllegalArgumentException().isThrownBy(() -> count.deserialize(new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> sum.deserialize(HEX.parseHex("21ff00")))
                .withMessageContaining("flags");
        assertThatIllegalArgumentException().isThrownBy(() -> distinct.deserialize(HEX.parseHex("610102")))
                .withMessageContaining("Corrupt distinct state");
    }

    private SumAccumulator sum(Object... values) {
        SumMonoid monoid = new SumMonoid();
        SumAccumulator state = monoid.empty();
        for (Object value : values) {
            state = monoid.add(state, value);
        }
        return state;
    }

    private static byte[] tagged(int tag, byte[] body) {
        byte[] bytes = new byte[body.length + 1];
        bytes[0] = (byte) tag;
        System.arraycopy(body, 0, bytes, 1, body.length);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
