package io.lambda.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.lambda.core.event.EventMessages;
import org.junit.jupiter.api.Test;

class RejectionReasonTests {

    @Test
    void shouldClassifyEveryMessageOfTheValidatorAndReader() {
        assertThat(RejectionReason.of(EventMessages.EVENT_NOT_OBJECT)).isEqualTo(RejectionReason.NOT_OBJECT);
        assertThat(RejectionReason.of(EventMessages.INGEST_TIME_SET)).isEqualTo(RejectionReason.INGEST_TIME_SET);
        assertThat(RejectionReason.of(EventMessages.ID_REQUIRED)).isEqualTo(RejectionReason.ID);
        assertThat(RejectionReason.of(EventMessages.ID_NOT_STRING)).isEqualTo(RejectionReason.ID);
        assertThat(RejectionReason.of(EventMessages.ID_FORMAT)).isEqualTo(RejectionReason.ID);
        assertThat(RejectionReason.of(EventMessages.TYPE_REQUIRED)).isEqualTo(RejectionReason.TYPE);
        assertThat(RejectionReason.of(EventMessages.TYPE_FORMAT)).isEqualTo(RejectionReason.TYPE);
        assertThat(RejectionReason.of(EventMessages.TIMESTAMP_REQUIRED)).isEqualTo(RejectionReason.TIMESTAMP);
        assertThat(RejectionReason.of(EventMessages.TIMESTAMP_FORMAT)).isEqualTo(RejectionReason.TIMESTAMP);
        assertThat(RejectionReason.of(EventMessages.timestampInFuture(Duration.ofMinutes(5))))
                .isEqualTo(RejectionReason.TIMESTAMP_IN_FUTURE);
        assertThat(RejectionReason.of(EventMessages.timestampTooOld(Duration.ofDays(365))))
                .isEqualTo(RejectionReason.TIMESTAMP_TOO_OLD);
        assertThat(RejectionReason.of(EventMessages.ATTRIBUTES_NOT_OBJECT)).isEqualTo(RejectionReason.ATTRIBUTES);
        assertThat(RejectionReason.of(EventMessages.TOO_MANY_ATTRIBUTES)).isEqualTo(RejectionReason.ATTRIBUTES);
        assertThat(RejectionReason.of(EventMessages.attributeNull("a"))).isEqualTo(RejectionReason.ATTRIBUTES);
        assertThat(RejectionReason.of(EventMessages.attributeKeyInvalid("1a"))).isEqualTo(RejectionReason.ATTRIBUTES);
        assertThat(RejectionReason.of(EventMessages.duplicateAttribute("a"))).isEqualTo(RejectionReason.ATTRIBUTES);
        assertThat(RejectionReason.of(EventMessages.unknownField("foo"))).isEqualTo(RejectionReason.UNKNOWN_FIELD);
        assertThat(RejectionReason.of(EventMessages.duplicateField("id"))).isEqualTo(RejectionReason.DUPLICATE_FIELD);
        assertThat(RejectionReason.of(EventMessages.malformed(1, 2, "x"))).isEqualTo(RejectionReason.MALFORMED);
        assertThat(RejectionReason.of(EventMessages.parserLimit(1, 2, "x"))).isEqualTo(RejectionReason.MALFORMED);
        assertThat(RejectionReason.of(EventMessages.trailingContent(1, 2))).isEqualTo(RejectionReason.MALFORMED);
        assertThat(RejectionReason.of("something new")).isEqualTo(RejectionReason.OTHER);
    }
}
