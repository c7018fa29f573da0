package io.lambda.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PartialFieldTests {

    private static final Instant SLOT = Instant.parse("2026-11-24T10:15:00Z");
    private static final Instant BUCKET = Instant.parse("2026-11-24T10:14:00Z");

    @Test
    void shouldPutTheSlotBeforeTheGroupField() {
        PartialField field = new PartialField(SLOT, GroupField.of(BUCKET, "/a|b"));

        assertThat(field.encode()).isEqualTo("1795515300|1795515240|/a\\|b");
        assertThat(PartialField.decode(field.encode())).isEqualTo(field);
        assertThat(PartialField.fromBytes(field.toBytes())).isEqualTo(field);
    }

    @Test
    void shouldRoundTripAFieldWithoutDimensions() {
        PartialField field = new PartialField(SLOT, GroupField.of(BUCKET));

        assertThat(field.encode()).isEqualTo("1795515300|1795515240");
        assertThat(PartialField.decode("1795515300|1795515240")).isEqualTo(field);
    }

    @Test
    void shouldKeepReservedFieldsApartFromGroupFields() {
        assertThat(PartialField.isReserved(PartialField.OFFSET_FIELD)).isTrue();
        assertThat(PartialField.isReserved(new PartialField(SLOT, GroupField.of(BUCKET, "~offset")).encode())).isFalse();
        assertThat(PartialField.isReserved(new PartialField(Instant.EPOCH.minusSeconds(300), GroupField.of(BUCKET)).encode()))
                .isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> PartialField.decode(PartialField.OFFSET_FIELD))
                .withMessage("not a partial field (expected <slot>|<bucket>...): '~offset'");
    }

    @Test
    void shouldRejectABatchFieldWhereAPartialFieldIsExpected() {
        assertThatIllegalArgumentException().isThrownBy(() -> PartialField.decode("1795515300|/pricing"))
                .withMessage("expected epoch seconds, got '/pricing' in field '1795515300|/pricing'");
    }
}
