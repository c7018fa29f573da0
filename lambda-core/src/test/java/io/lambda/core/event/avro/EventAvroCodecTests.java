package io.lambda.core.event.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.lambda.core.event.Event;

class EventAvroCodecTests {

    private static final Instant T = Instant.parse("2026-11-24T10:15:30.123Z");
    private static final Instant INGESTED = Instant.parse("2026-11-24T10:15:31.007Z");

    private final EventAvroCodec codec = new EventAvroCodec();

    @Test
    void shouldLoadTheSchemaFromTheAvscFile() {
        Schema schema = codec.schema();

        assertThat(schema.getFullName()).isEqualTo("io.lambda.core.event.avro.Event");
        assertThat(schema.getFields()).extracting(Schema.Field::name)
                .containsExactly("id", "type", "timestamp", "attributes", "ingestTime");
        assertThat(schema.getField("timestamp").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(schema.getField("attributes").schema().getValueType().getTypes()).extracting(Schema::getType)
                .containsExactly(Schema.Type.STRING, Schema.Type.LONG, Schema.Type.DOUBLE, Schema.Type.BOOLEAN);
        Schema ingestTime = schema.getField("ingestTime").schema();
        assertThat(ingestTime.getTypes()).extracting(Schema::getType).containsExactly(Schema.Type.NULL, Schema.Type.LONG);
        assertThat(ingestTime.getTypes().get(1).getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
        assertThat(schema.getField("ingestTime").defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        assertThat(schema).isSameAs(EventSchema.get());
    }

    @ParameterizedTest
    @MethodSource("events")
    void shouldRoundTripEvents(Event event) {
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }

    @Test
    void shouldRoundTripEveryAttributeValueType() {
        Event event = Event.of("e1", "pageview", T, Map.of(
                "text", "/pricing?q=ä€😀", "empty", "", "long", 5400L, "min", Long.MIN_VALUE, "max", Long.MAX_VALUE,
                "double", 0.1d, "negativeZero", -0.0d, "huge", Double.MAX_VALUE, "yes", true, "no", false));

        Event decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.attributes().get("negativeZero")).isEqualTo(-0.0d);
        assertThat(decoded.attributes().get("long")).isInstanceOf(Long.class);
    }

    @Test
    void shouldWriteTheSameBytesAsAvrosGenericWriter() throws IOException {
        Event event = new Event("e1", "pageview", T, Map.of("url", "/", "n", 7L, "d", 1.5d, "b", true), INGESTED);
        GenericRecord record = new GenericData.Record(EventSchema.get());
        record.put("id", "e1");
        record.put("type", "pageview");
        record.put("timestamp", T.toEpochMilli());
        record.put("attributes", event.attributes()); // same map instance: same iteration order
        record.put("ingestTime", INGESTED.toEpochMilli());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(EventSchema.get()).write(record, encoder);
        encoder.flush();

        assertThat(codec.encode(event)).isEqualTo(out.toByteArray());
    }

    @Test
    void shouldWriteTheSameBytesAsAvrosGenericWriterForNonAsciiTextAndEventsLargerThanTheBuffer() throws IOException {
        Map<String, Object> attributes = new HashMap<>();
        for (int i = 0; i < 64; i++) {
            attributes.put("k" + i, i % 2 == 0 ? "ä€😀-".repeat(200) : "x".repeat(1024));
        }
        Event large = Event.of("e1", "pageview", T, attributes);
        Event small = Event.of("é", "pageview", T, Map.of("city", "Zürich", "n", -1L));

        assertThat(codec.encode(large)).isEqualTo(genericBytes(large));
        assertThat(codec.encode(small)).isEqualTo(genericBytes(small)); // after the large one: buffer reuse
    }

    @Test
    void shouldBeReadableByAvrosGenericReader() throws IOException {
        Event event = Event.of("e1", "pageview", T, Map.of("url", "/", "n", 7L));

        GenericRecord record = new GenericDatumReader<GenericRecord>(EventSchema.get())
                .read(null, DecoderFactory.get().binaryDecoder(codec.encode(event), null));

        assertThat(record.get("id")).hasToString("e1");
        assertThat(record.get("type")).hasToString("pageview");
        assertThat(record.get("timestamp")).isEqualTo(T.toEpochMilli());
        assertThat(record.get("attributes")).isEqualTo(Map.of(new Utf8("url"), new Utf8("/"), new Utf8("n"), 7L));
        assertThat(record.get("ingestTime")).isNull();
    }

    @Test
    void shouldKeepMillisecondPrecision() {
        Event event = Event.of("e1", "pageview", Instant.parse("2026-11-24T10:15:30.123456Z"), Map.of());

        assertThat(codec.decode(codec.encode(event)).timestamp()).isEqualTo(T);
    }

    @Test
    void shouldRefuseTruncatedBytes() {
        byte[] bytes = codec.encode(Event.of("e1", "pageview", T, Map.of("url", "/pricing")));

        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(AvroRuntimeException.class).hasMessageStartingWith("not an Avro-encoded event");
    }

    @Test
    void shouldRefuseTrailingBytes() {
        byte[] bytes = codec.encode(Event.of("e1", "pageview", T, Map.of()));

        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(AvroRuntimeException.class)
                .hasMessage("trailing bytes after the event of " + (bytes.length + 1) + " bytes");
    }

    @Test
    void shouldRefuseAnUnknownUnionBranch() {
        byte[] bytes = codec.encode(Event.of("e1", "pageview", T, Map.of()));
        bytes[bytes.length - 1] = 8; // ingestTime branch 4 (zig-zag) instead of 0

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(AvroRuntimeException.class).hasMessage("unknown ingestTime union branch 4");
    }

    @Test
    void shouldEncodeAndDecodeFromManyThreadsAtOnce() throws Exception {
        List<Event> events = IntStream.range(0, 2_000)
                .mapToObj(i -> Event.of("e" + i, "pageview", T.plusMillis(i), Map.of("i", (long) i, "s", "x".repeat(i % 50))))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                results.add(pool.submit(() -> events.stream().allMatch(e -> codec.decode(codec.encode(e)).equals(e))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] genericBytes(Event event) throws IOException {
        GenericRecord record = new GenericData.Record(EventSchema.get());
        record.put("id", event.id());
        record.put("type", event.type());
        record.put("timestamp", event.timestamp().toEpochMilli());
        record.put("attributes", event.attributes()); // same map instance: same iteration order
        record.put("ingestTime", null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(EventSchema.get()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    static Stream<Event> events() {
        return Stream.of(
                Event.of("e1", "pageview", T, Map.of()),
                Event.of("e1", "pageview", T, Map.of("url", "/pricing", "durationMs", 5400L)),
                new Event("e1", "pageview", T, Map.of("url", "/pricing"), INGESTED),
                new Event("i".repeat(128), "t".repeat(64), Instant.EPOCH, Map.of(), Instant.EPOCH),
                Event.of("e1", "pageview", Instant.parse("1900-01-01T00:00:00.001Z"), Map.of("k", "v".repeat(1024))));
    }
}
