package io.lambda.core.event;

import static io.lambda.core.event.EventReaderTests.NOW;
import static io.lambda.core.event.EventReaderTests.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** {@link BodyLimits} enforced while streaming, and the reader's handling of the caller's stream. */
class BodyLimitsTests {

    private static final String EVENT = "{\"id\": \"e\", \"type\": \"t\", \"timestamp\": 1795515270123}";

    private final EventReader three = new EventReader(EventRules.DEFAULTS, new BodyLimits(3, 1024 * 1024));

    @Test
    void shouldReadAsManyEventsAsTheLimit() {
        assertThat(three.readJson(bytes(array(3)), NOW).accepted()).hasSize(3);
        assertThat(three.readNdjson(bytes(lines(3)), NOW).accepted()).hasSize(3);
    }

    @Test
    void shouldRefuseOneEventTooManyInAnArray() {
        assertThatThrownBy(() -> three.readJson(bytes(array(4)), NOW))
                .isInstanceOfSatisfying(TooManyEventsException.class, e -> assertThat(e.maxEvents()).isEqualTo(3))
                .hasMessage("body has more than 3 events");
    }

    @Test
    void shouldRefuseTooManyEventsBeforeReadingTheRestOfTheBody() {
        String body = "[{}, {}, {}, {}, this is never parsed";

        assertThatThrownBy(() -> three.readJson(bytes(body), NOW)).isInstanceOf(TooManyEventsException.class);
    }

    @Test
    void shouldCountArrayElementsThatAreNotObjects() {
        assertThatThrownBy(() -> three.readJson(bytes("[1, 2, 3, 4]"), NOW)).isInstanceOf(TooManyEventsException.class);
    }

    @Test
    void shouldRefuseOneLineTooManyInNdjsonButNotCountBlankLines() {
        assertThat(three.readNdjson(bytes("\n" + EVENT + "\n\n  \n" + EVENT + "\n\r\n" + EVENT + "\n\n"), NOW).size())
                .isEqualTo(3);
        assertThatThrownBy(() -> three.readNdjson(bytes(lines(4)), NOW))
                .isInstanceOf(TooManyEventsException.class)
                .hasMessage("body has more than 3 events");
    }

    @Test
    void shouldAllowTenThousandEventsByDefault() {
        EventReader reader = new EventReader();

        assertThat(reader.readJson(bytes(array(10_000)), NOW).accepted()).hasSize(10_000);
        assertThatThrownBy(() -> reader.readJson(bytes(array(10_001)), NOW))
                .isInstanceOf(TooManyEventsException.class)
                .hasMessage("body has more than 10000 events");
    }

    @Test
    void shouldReadABodyOfExactlyTheByteLimitAndRefuseOneByteMore() {
        String body = array(2) + "   ";
        int length = body.getBytes(UTF_8).length;

        assertThat(limitedTo(length).readJson(bytes(body), NOW).accepted()).hasSize(2);
        assertThatThrownBy(() -> limitedTo(length - 1).readJson(bytes(body), NOW))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.maxBytes()).isEqualTo(length - 1))
                .hasMessage("body is larger than " + (length - 1) + " bytes");
    }

    @Test
    void shouldReadAnNdjsonBodyOfExactlyTheByteLimitAndRefuseOneByteMore() {
        String body = lines(2);
        int length = body.getBytes(UTF_8).length;

        assertThat(limitedTo(length).readNdjson(bytes(body), NOW).accepted()).hasSize(2);
        assertThatThrownBy(() -> limitedTo(length - 1).readNdjson(bytes(body), NOW))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("body is larger than " + (length - 1) + " bytes");
    }

    @Test
    void shouldRefuseAnEndlessBodyAfterReadingLittleMoreThanTheLimit() {
        EndlessBody body = new EndlessBody("[", EVENT + ",");
        EventReader reader = new EventReader(EventRules.DEFAULTS, new BodyLimits(Integer.MAX_VALUE, 256 * 1024));

        assertThatThrownBy(() -> reader.readJson(body, NOW))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("body is larger than 262144 bytes");
        assertThat(body.served).isBetween(256 * 1024L + 1, 256 * 1024L + 64 * 1024);
    }

    @Test
    void shouldRefuseAnEndlessBodyAtTenMebibytesByDefault() {
        EndlessBody body = new EndlessBody("[", "        ");

        assertThatThrownBy(() -> new EventReader().readJson(body, NOW))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("body is larger than 10485760 bytes");
    }

    @Test
    void shouldRefuseAnEndlessNdjsonLine() {
        EndlessBody body = new EndlessBody("{\"id\": \"", "x");
        EventReader reader = new EventReader(EventRules.DEFAULTS, new BodyLimits(10, 64 * 1024));

        assertThatThrownBy(() -> reader.readNdjson(body, NOW)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void shouldLeaveTheStreamOpenForTheCaller() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream body = new ByteArrayInputStream(array(1).getBytes(UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        new EventReader().readJson(body, NOW);

        assertThat(closed).isFalse();
    }

    @Test
    void shouldReportStreamFailuresAsUncheckedIoExceptions() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> new EventReader().readJson(failing, NOW))
                .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("connection reset");
        assertThatThrownBy(() -> new EventReader().readNdjson(failing, NOW))
                .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("connection reset");
    }

    private static EventReader limitedTo(long maxBytes) {
        return new EventReader(EventRules.DEFAULTS, new BodyLimits(10, maxBytes));
    }

    private static String array(int events) {
        return "[" + String.join(",", java.util.Collections.nCopies(events, EVENT)) + "]";
    }

    private static String lines(int events) {
        return String.join("\n", java.util.Collections.nCopies(events, EVENT)) + "\n";
    }

    /** A body that never ends: a prefix, then one piece repeated forever; counts the bytes it served. */
    private static final class EndlessBody extends InputStream {

        private final byte[] prefix;
        private final byte[] piece;
        private long served;

        EndlessBody(String prefix, String piece) {
            this.prefix = prefix.getBytes(UTF_8);
            this.piece = piece.getBytes(UTF_8);
        }

        @Override
        public int read() {
            byte b = served < prefix.length ? prefix[(int) served] : piece[(int) ((served - prefix.length) % piece.length)];
            served++;
            return b & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) read();
            }
            return length;
        }
    }
}
