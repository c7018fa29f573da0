package io.lambda.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The attribute maps the reader hands to {@link Event} without a copy must behave like any immutable map. */
class FrozenAttributesTests {

    private static final Instant T = Instant.parse("2026-11-24T10:14:30.123Z");

    @Test
    void shouldRefuseEveryModification() {
        Map<String, Object> attributes = readAttributes();

        assertThatThrownBy(() -> attributes.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.remove("url")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(attributes::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.keySet().remove("url")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(attributes).containsExactlyInAnyOrderEntriesOf(Map.of("url", "/pricing", "n", 1L));
    }

    @Test
    void shouldEqualAndHashLikeOtherMapsWithTheSameEntries() {
        Map<String, Object> attributes = readAttributes();
        Map<String, Object> same = Map.of("url", "/pricing", "n", 1L);

        assertThat(attributes).isEqualTo(same);
        assertThat(same).isEqualTo(attributes);
        assertThat(attributes.hashCode()).isEqualTo(same.hashCode());
        assertThat(attributes.get("n")).isEqualTo(1L);
        assertThat(attributes.containsKey("url")).isTrue();
        assertThat(attributes.containsValue("/pricing")).isTrue();
    }

    @Test
    void shouldStillBeTypeCheckedByEvent() {
        FrozenAttributes.Builder owned = new FrozenAttributes.Builder();
        owned.add("big", BigInteger.TEN);

        assertThatThrownBy(() -> Event.of("e1", "t", T, owned.build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute 'big' has unsupported type java.math.BigInteger: use String, Long, Double or Boolean");
    }

    @Test
    void shouldKeepDocumentOrderAndTheFirstValueOfAKey() {
        FrozenAttributes.Builder builder = new FrozenAttributes.Builder();

        assertThat(builder.add("b", 1L)).isTrue();
        assertThat(builder.add("a", "x")).isTrue();
        assertThat(builder.add("b", 2L)).isFalse();
        FrozenAttributes attributes = builder.build();

        assertThat(attributes.keySet()).containsExactly("b", "a");
        assertThat(attributes.get("b")).isEqualTo(1L);
        assertThat(attributes.get("missing")).isNull();
        assertThat(attributes.containsKey("missing")).isFalse();
    }

    @Test
    void shouldStartEmptyAgainAfterABuildWithoutTouchingTheBuiltMap() {
        FrozenAttributes.Builder builder = new FrozenAttributes.Builder();
        builder.add("a", 1L);
        FrozenAttributes first = builder.build();

        assertThat(builder.add("a", 2L)).isTrue();
        assertThat(builder.add("b", 3L)).isTrue();
        FrozenAttributes second = builder.build();

        assertThat(first).containsExactly(Map.entry("a", 1L));
        assertThat(second).containsExactly(Map.entry("a", 2L), Map.entry("b", 3L));
    }

    @Test
    void shouldFindEveryKeyAndDuplicateBeyondTheIndexThreshold() {
        FrozenAttributes.Builder builder = new FrozenAttributes.Builder();
        int keys = FrozenAttributes.INDEXED_FROM * 3;
        for (int i = 0; i < keys; i++) {
            assertThat(builder.add("k" + i, (long) i)).isTrue();
        }
        for (int i = 0; i < keys; i++) {
            assertThat(builder.add("k" + i, -1L)).as("k%d again", i).isFalse();
        }
        FrozenAttributes attributes = builder.build();

        assertThat(attributes).hasSize(keys);
        for (int i = 0; i < keys; i++) {
            assertThat(attributes.get("k" + i)).isEqualTo((long) i);
        }
        assertThat(attributes.containsKey("k" + keys)).isFalse();
        assertThat(attributes.keySet()).first().isEqualTo("k0");
    }

    private static Map<String, Object> readAttributes() {
        ReadResult result = new EventReader().readJson(EventReaderTests.bytes("""
                {"id": "e1", "type": "t", "timestamp": 1795515270123, "attributes": {"url": "/pricing", "n": 1}}
                """), EventReaderTests.NOW);
        return result.accepted().get(0).attributes();
    }
}
