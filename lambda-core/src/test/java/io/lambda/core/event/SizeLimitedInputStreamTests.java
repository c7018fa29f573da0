package io.lambda.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class SizeLimitedInputStreamTests {

    @Test
    void shouldPassThroughAStreamOfExactlyTheLimit() throws IOException {
        SizeLimitedInputStream in = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);

        assertThat(in.readAllBytes()).hasSize(100);
        assertThat(in.count()).isEqualTo(100);
    }

    @Test
    void shouldThrowOnTheFirstByteBeyondTheLimit() throws IOException {
        SizeLimitedInputStream in = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);
        assertThat(in.readNBytes(100)).hasSize(100);

        assertThatThrownBy(in::read).isInstanceOf(BodyTooLargeException.class).hasMessage("body is larger than 100 bytes");
    }

    @Test
    void shouldThrowWhenABulkReadCrossesTheLimit() {
        SizeLimitedInputStream in = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[8192]), 1000);

        assertThatThrownBy(() -> in.read(new byte[4096])).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void shouldCountSkippedBytes() throws IOException {
        SizeLimitedInputStream in = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[200]), 100);

        assertThat(in.skip(60)).isEqualTo(60);
        assertThat(in.count()).isEqualTo(60);
        assertThatThrownBy(() -> in.skip(60)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void shouldNotSupportMarkAndReset() {
        SizeLimitedInputStream in = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[10]), 100);

        assertThat(in.markSupported()).isFalse();
        assertThatThrownBy(in::reset).isInstanceOf(IOException.class);
    }
}
