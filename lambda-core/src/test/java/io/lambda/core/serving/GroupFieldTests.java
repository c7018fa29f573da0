package io.lambda.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupFieldTests {

    private static final Instant BUCKET = Instant.parse("2026-11-24T10:15:00Z");

    @Test
    void shouldEncodeTheBucketInEpochSecondsFollowedByEscapedValues() {
        assertThat(GroupField.of(BUCKET).encode()).isEqualTo("1795515300");
        assertThat(GroupField.of(BUCKET, "/pricing", "DE").encode()).isEqualTo("1795515300|/pricing|DE");
        assertThat(GroupField.of(BUCKET, "/a|b").encode()).isEqualTo("1795515300|/a\\|b");
        assertThat(GroupField.of(BUCKET, "C:\\dir\\").encode()).isEqualTo("1795515300|C:\\\\dir\\\\");
        assertThat(GroupField.of(BUCKET, "").encode()).isEqualTo("1795515300|");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "|", "||", "\\", "\\|", "|\\", "a\\|b", "ü/straße", "日本語", "emoji 😀 here", "tab\tnew\nline",
            "~offset", "1795515300|x"})
    void shouldRoundTripAnyValue(String value) {
        GroupField field = new GroupField(BUCKET, List.of(value, "x", value));

        assertThat(GroupField.decode(field.encode())).isEqualTo(field);
        assertThat(GroupField.fromBytes(field.toBytes())).isEqualTo(field);
    }

    @Test
    void shouldNeverGiveTwoDifferentGroupsTheSameField() {
        List<List<String>> groups = List.of(List.of(), List.of(""), List.of("", ""), List.of("a|b"), List.of("a", "b"),
                List.of("a\\", "b"), List.of("a\\|b"), List.of("a\\", "|b"), List.of("a|", "b"), List.of("a", "|b"));
        Set<String> fields = new HashSet<>();

        groups.forEach(values -> fields.add(new GroupField(BUCKET, values).encode()));

        assertThat(fields).hasSameSizeAs(groups);
    }

    @Test
    void shouldStoreFieldsAsUtf8() {
        assertThat(GroupField.of(BUCKET, "ü").toBytes()).isEqualTo("1795515300|ü".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldEncodeBucketsBeforeTheEpoch() {
        GroupField field = GroupField.of(Instant.parse("1969-12-31T23:59:00Z"), "a");

        assertThat(field.encode()).isEqualTo("-60|a");
        assertThat(GroupField.decode("-60|a")).isEqualTo(field);
    }

    @Test
    void shouldRejectTextThatIsNotValidUnicode() {
        assertThatIllegalArgumentException().isThrownBy(() -> GroupField.of(BUCKET, "bad \uD800 surrogate").toBytes())
                .withMessage("field holds text that is not valid Unicode (unpaired surrogate)");
        assertThatIllegalArgumentException().isThrownBy(() -> GroupField.fromBytes(new byte[] {'1', '|', (byte) 0xC3}))
                .withMessage("field is not valid UTF-8");
    }

    @Test
    void shouldRejectMalformedFields() {
        assertThatIllegalArgumentException().isThrownBy(() -> GroupField.decode("x|a"))
                .withMessage("expected epoch seconds, got 'x' in field 'x|a'");
        assertThatIllegalArgumentException().isThrownBy(() -> GroupField.decode(""))
                .withMessage("expected epoch seconds, got '' in field ''");
        assertThatIllegalArgumentException().isThrownBy(() -> GroupField.decode("+5|a"))
                .withMessage("expected epoch seconds, got '+5' in field '+5|a'");
        assertThatIllegalArgumentException().isThrownBy(() -> GroupField.decode("5|a\\b"))
                .withMessage("invalid escape at index 3 in field '5|a\\b'");
        assertThatIllegalArgumentException().isThrownBy(() -> GroupField.decode("5|a\\"))
                .withMessage("invalid escape at index 3 in field '5|a\\'");
    }

    @Test
    void shouldRequireWholeSecondBuckets() {
        assertThatIllegalArgumentException().isThrownBy(() -> GroupField.of(BUCKET.plusMillis(1)))
                .withMessage("bucket must be a whole second, got 2026-11-24T10:15:00.001Z");
    }
}
