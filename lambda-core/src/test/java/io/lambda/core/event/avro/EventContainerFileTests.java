package io.lambda.core.event.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.lambda.core.event.Event;

/** Object-container files as the archiver writes them to the master dataset, kept in memory. */
class EventContainerFileTests {

    private static final Instant T = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void shouldRoundTripEventsThroughAnObjectContainerFile() throws IOException {
        List<Event> events = IntStream.range(0, 500).mapToObj(i -> new Event("e" + i, "pageview", T.plusMillis(i),
                Map.of("url", "/p" + (i % 7), "n", (long) i, "d", i / 3.0, "b", i % 2 == 0),
                i % 3 == 0 ? null : T.plusSeconds(i))).toList();

        byte[] file = write(events, CodecFactory.deflateCodec(6));

        assertThat(read(file)).isEqualTo(events);
    }

    @Test
    void shouldNameTheEventSchemaInTheFileHeader() throws IOException {
        byte[] file = write(List.of(Event.of("e1", "pageview", T, Map.of("url", "/"))), CodecFactory.nullCodec());

        try (DataFileStream<GenericRecord> stream = new DataFileStream<>(new ByteArrayInputStream(file),
                new GenericDatumReader<>())) {
            assertThat(stream.getSchema()).isEqualTo(EventSchema.get());
            GenericRecord record = stream.next();
            assertThat(record.get("id")).hasToString("e1");
            assertThat(record.get("timestamp")).isEqualTo(T.toEpochMilli());
        }
    }

    @Test
    void shouldReadFilesWrittenWithAnOlderSchemaUsingTheDefaults() throws IOException {
        Schema older = SchemaBuilder.record("Event").namespace("io.lambda.core.event.avro").fields()
                .requiredString("id")
                .requiredString("type")
                .name("timestamp").type(EventSchema.get().getField("timestamp").schema()).noDefault()
                .endRecord();
        GenericRecord record = new GenericData.Record(older);
        record.put("id", "e1");
        record.put("type", "pageview");
        record.put("timestamp", T.toEpochMilli());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(older))) {
            writer.create(older, out);
            writer.append(record);
        }

        assertThat(read(out.toByteArray())).containsExactly(Event.of("e1", "pageview", T, Map.of()));
    }

    @Test
    void shouldRefuseToWriteWithAnotherSchema() {
        Schema other = SchemaBuilder.record("Other").fields().requiredString("id").endRecord();

        assertThatThrownBy(() -> new EventDatumWriter().setSchema(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EventDatumWriter writes only io.lambda.core.event.avro.Event");
    }

    private static byte[] write(List<Event> events, CodecFactory codec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<Event> writer = new DataFileWriter<>(new EventDatumWriter())) {
            writer.setCodec(codec);
            writer.create(EventSchema.get(), out);
            for (Event event : events) {
                writer.append(event);
            }
        }
        return out.toByteArray();
    }

    private static List<Event> read(byte[] file) throws IOException {
        List<Event> events = new ArrayList<>();
        try (DataFileStream<Event> stream = new DataFileStream<>(new ByteArrayInputStream(file), new EventDatumReader())) {
            stream.forEach(events::add);
        }
        return events;
    }
}
