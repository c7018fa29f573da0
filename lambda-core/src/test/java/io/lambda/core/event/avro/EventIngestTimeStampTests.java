package io.lambda.core.event.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.lambda.core.event.Event;

class EventIngestTimeStampTests {

    private static final Instant T = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final Event EVENT = Event.of("e1", "pageview", T, Map.of("url", "/pricing", "ms", 5400L,
            "ratio", 0.5d, "new", true));

    private final EventAvroCodec codec = new EventAvroCodec();

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 63L, 64L, 1_795_515_331_200L, -1L, Long.MAX_VALUE, Long.MIN_VALUE})
    void shouldWriteTheSameBytesAsEncodingTheStampedEvent(long ingestMillis) {
        Instant ingestTime = Instant.ofEpochMilli(ingestMillis);

        byte[] stamped = codec.withIngestTime(codec.encode(EVENT), ingestTime);

        assertThat(stamped).isEqualTo(codec.encode(EVENT.withIngestTime(ingestTime)));
        assertThat(codec.decode(stamped)).isEqualTo(EVENT.withIngestTime(ingestTime));
    }

    @Test
    void shouldReplaceAnIngestTimeTheEventAlreadyHas() {
        byte[] stampedTwice = codec.withIngestTime(codec.encode(EVENT.withIngestTime(T)), T.plusSeconds(1));

        assertThat(codec.decode(stampedTwice)).isEqualTo(EVENT.withIngestTime(T.plusSeconds(1)));
    }

    @Test
    void shouldStampEventsWithoutAttributes() {
        Event bare = Event.of("e2", "signup", T, Map.of());

        assertThat(codec.decode(codec.withIngestTime(codec.encode(bare), T))).isEqualTo(bare.withIngestTime(T));
    }

    @Test
    void shouldRejectWhatDecodeRejects() {
        byte[] valid = codec.encode(EVENT);
        byte[] trailing = Arrays.copyOf(valid, valid.length + 1);
        byte[] truncated = Arrays.copyOf(valid, valid.length - 3);
        byte[] json = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);

        for (byte[] bad : new byte[][] {trailing, truncated, json, new byte[0]}) {
            assertThatThrownBy(() -> codec.decode(bad)).isInstanceOf(AvroRuntimeException.class);
            assertThatThrownBy(() -> codec.withIngestTime(bad, T)).isInstanceOf(AvroRuntimeException.class);
        }
    }
}
