package io.lambda.ingest.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.file.DataFileStream;
import org.junit.jupiter.api.Test;

import io.lambda.core.event.Event;
import io.lambda.core.event.avro.EventAvroCodec;
import io.lambda.core.event.avro.EventDatumReader;
import io.lambda.core.store.ArchiveFile;

class ArchiveFileBufferTests {

    private static final Instant SLOT = Instant.parse("2026-11-24T10:15:00Z");
    private static final EventAvroCodec CODEC = new EventAvroCodec();

    @Test
    void shouldWriteAContainerThatReadsBackAsTheEventsWithTheirIngestTimes() throws IOException {
        List<Event> events = List.of(event("a", 1), event("b", 2), event("c", 3));

        SealedFile sealed = fill(new ArchiveFileBuffer("events", 4, SLOT, 10, SLOT.plusMillis(1), 0, 1), events, 10);

        assertThat(sealed.file()).isEqualTo(new ArchiveFile(SLOT, 4, 10, 12));
        assertThat(sealed.records()).isEqualTo(3);
        assertThat(sealed.lastIngestTime()).isEqualTo(SLOT.plusMillis(3));
        assertThat(read(sealed.container())).containsExactlyElementsOf(events);
    }

    @Test
    void shouldWriteTheSameBytesForTheSameRecordsAndName() {
        List<Event> events = List.of(event("a", 1), event("b", 2));

        SealedFile first = fill(new ArchiveFileBuffer("events", 0, SLOT, 7, SLOT.plusMillis(1), 0, 1), events, 7);
        SealedFile again = fill(new ArchiveFileBuffer("events", 0, SLOT, 7, SLOT.plusMillis(1), 99_999, 1), events, 7);
        SealedFile elsewhere = fill(new ArchiveFileBuffer("events", 1, SLOT, 7, SLOT.plusMillis(1), 0, 1), events, 7);

        assertThat(again.container()).isEqualTo(first.container());
        assertThat(elsewhere.container()).isNotEqualTo(first.container());
    }

    @Test
    void shouldCompressWithDeflateUnlessTheLevelIsZero() throws IOException {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(event("id-" + i, i));
        }

        SealedFile deflated = fill(new ArchiveFileBuffer("events", 0, SLOT, 0, SLOT, 0, 1), events, 0);
        SealedFile plain = fill(new ArchiveFileBuffer("events", 0, SLOT, 0, SLOT, 0, 0), events, 0);

        assertThat(codecOf(deflated.container())).isEqualTo("deflate");
        assertThat(codecOf(plain.container())).isEqualTo("null");
        assertThat(deflated.container().length).isLessThan(plain.container().length / 2);
        assertThat(read(deflated.container())).isEqualTo(read(plain.container()));
    }

    @Test
    void shouldCountTheEncodedBytesOfItsRecords() {
        ArchiveFileBuffer buffer = new ArchiveFileBuffer("events", 0, SLOT, 0, SLOT, 0, 1);
        byte[] encoded = CODEC.encode(event("a", 1));

        buffer.append(0, encoded, SLOT);
        buffer.append(1, encoded, SLOT);

        assertThat(buffer.encodedBytes()).isEqualTo(2L * encoded.length);
    }

    @Test
    void shouldRejectOffsetsThatDoNotGrow() {
        ArchiveFileBuffer buffer = new ArchiveFileBuffer("events", 0, SLOT, 5, SLOT, 0, 1);
        buffer.append(5, CODEC.encode(event("a", 1)), SLOT);

        assertThatIllegalArgumentException().isThrownBy(() -> buffer.append(5, CODEC.encode(event("b", 1)), SLOT))
                .withMessage("offset 5 is not after 5");
    }

    static Event event(String id, long ingestMillis) {
        return new Event(id, "pageview", SLOT.minusSeconds(60), Map.of("url", "/p/" + id, "ms", ingestMillis),
                SLOT.plusMillis(ingestMillis));
    }

    private static SealedFile fill(ArchiveFileBuffer buffer, List<Event> events, long firstOffset) {
        long offset = firstOffset;
        for (Event event : events) {
            buffer.append(offset++, CODEC.encode(event), event.ingestTime());
        }
        return buffer.seal();
    }

    static List<Event> read(byte[] container) throws IOException {
        try (DataFileStream<Event> in = new DataFileStream<>(new ByteArrayInputStream(container), new EventDatumReader())) {
            List<Event> events = new ArrayList<>();
            in.forEach(events::add);
            return events;
        }
    }

    private static String codecOf(byte[] container) throws IOException {
        try (DataFileStream<Event> in = new DataFileStream<>(new ByteArrayInputStream(container), new EventDatumReader())) {
            return in.getMetaString("avro.codec");
        }
    }
}
