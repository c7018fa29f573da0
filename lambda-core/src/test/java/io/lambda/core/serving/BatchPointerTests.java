package io.lambda.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchPointerTests {

    private static final BatchPointer POINTER = new BatchPointer("20261124T100000Z-7f3a",
            Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:12:31.200Z"));

    @Test
    void shouldEncodeAVersionedReadableValue() {
        assertThat(POINTER.encode()).isEqualTo("1|20261124T100000Z-7f3a|2026-11-24T10:00:00Z|2026-11-24T10:12:31.200Z");
    }

    @Test
    void shouldRoundTripAsTextAndBytes() {
        assertThat(BatchPointer.decode(POINTER.encode())).isEqualTo(POINTER);
        assertThat(BatchPointer.fromBytes(POINTER.toBytes())).isEqualTo(POINTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2|r|2026-11-24T10:00:00Z|2026-11-24T10:00:00Z", "1|r|2026-11-24T10:00:00Z",
            "1|r|2026-11-24T10:00:00Z|2026-11-24T10:00:00Z|x"})
    void shouldRejectValuesOfAnotherShape(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> BatchPointer.decode(value))
                .withMessage("not a batch pointer (expected 1|<runId>|<boundary>|<publishedAt>): '" + value + "'");
    }

    @Test
    void shouldRejectBadInstantsAndRunIds() {
        assertThatIllegalArgumentException().isThrownBy(() -> BatchPointer.decode("1|r|yesterday|2026-11-24T10:00:00Z"))
                .withMessage("not a batch pointer, bad instant: '1|r|yesterday|2026-11-24T10:00:00Z'");
        assertThatIllegalArgumentException().isThrownBy(() -> BatchPointer.decode("1|r:1|2026-11-24T10:00:00Z|2026-11-24T10:00:00Z"))
                .withMessage("run id 'r:1' must match [A-Za-z0-9._-]{1,64}");
    }
}
