package io.lambda.core.serving;

import static io.lambda.core.time.Granularity.DAY;
import static io.lambda.core.time.Granularity.HOUR;
import static io.lambda.core.time.Granularity.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lambda.core.serving.ServingKey.BatchIndex;
import io.lambda.core.serving.ServingKey.BatchRows;
import io.lambda.core.serving.ServingKey.Pointer;
import io.lambda.core.serving.ServingKey.Runs;
import io.lambda.core.serving.ServingKey.SpeedFrom;
import io.lambda.core.serving.ServingKey.SpeedIndex;
import io.lambda.core.serving.ServingKey.SpeedOffset;
import io.lambda.core.serving.ServingKey.SpeedPartial;
import io.lambda.core.serving.ServingKey.SpeedPartitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServingKeysTests {

    private static final ServingKeys KEYS = new ServingKeys("lambda:");
    private static final Instant HOUR_START = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant DAY_START = Instant.parse("2026-11-24T00:00:00Z");
    private static final String RUN = "20261124T100000Z-7f3a";

    private static List<ServingKey> everyKind() {
        return List.of(
                new Pointer("pageviews", "3f9a1c2b4d5e"),
                new Runs("pageviews", "3f9a1c2b4d5e"),
                new BatchIndex("pageviews", "3f9a1c2b4d5e", RUN),
                new BatchRows("pageviews", "3f9a1c2b4d5e", RUN, new ChunkRef(MINUTE, Rollup.none(), HOUR_START)),
                new BatchRows("pageviews", "3f9a1c2b4d5e", RUN, new ChunkRef(HOUR, Rollup.of("url", "country"), DAY_START)),
                new SpeedPartitions("pageviews", "3f9a1c2b4d5e"),
                new SpeedPartial("pageviews", "3f9a1c2b4d5e", 3, new ChunkRef(DAY, Rollup.of("url"), HOUR_START)),
                new SpeedOffset("pageviews", "3f9a1c2b4d5e", 3),
                new SpeedIndex("pageviews", "3f9a1c2b4d5e", 3),
                new SpeedFrom("pageviews", "3f9a1c2b4d5e", 0));
    }

    @Test
    void shouldWriteEveryKeyInTheDocumentedLayout() {
        assertThat(everyKind()).extracting(KEYS::key).containsExactly(
                "lambda:ptr:{pageviews:3f9a1c2b4d5e}",
                "lambda:runs:{pageviews:3f9a1c2b4d5e}",
                "lambda:bi:{pageviews:3f9a1c2b4d5e}:20261124T100000Z-7f3a",
                "lambda:b:pageviews:3f9a1c2b4d5e:20261124T100000Z-7f3a:minute:*:1795514400",
                "lambda:b:pageviews:3f9a1c2b4d5e:20261124T100000Z-7f3a:hour:url,country:1795478400",
                "lambda:sp:{pageviews:3f9a1c2b4d5e}",
                "lambda:s:{pageviews:3f9a1c2b4d5e:3}:day:url:1795514400",
                "lambda:s:{pageviews:3f9a1c2b4d5e:3}:offset",
                "lambda:s:{pageviews:3f9a1c2b4d5e:3}:idx",
                "lambda:s:{pageviews:3f9a1c2b4d5e:0}:from");
    }

    @Test
    void shouldParseEveryKeyBackToTheSameRecord() {
        for (ServingKey key : everyKind()) {
            assertThat(KEYS.parse(KEYS.key(key))).isEqualTo(key);
        }
    }

    @Test
    void shouldOfferShortcutsForTheHotKeys() {
        assertThat(KEYS.pointer("pageviews", "v1")).isEqualTo("lambda:ptr:{pageviews:v1}");
        assertThat(KEYS.batchRows("pageviews", "v1", RUN, MINUTE, Rollup.of("url"), HOUR_START))
                .isEqualTo("lambda:b:pageviews:v1:20261124T100000Z-7f3a:minute:url:1795514400");
        assertThat(KEYS.speedPartial("pageviews", "v1", 5, MINUTE, Rollup.none(), HOUR_START))
                .isEqualTo("lambda:s:{pageviews:v1:5}:minute:*:1795514400");
        assertThat(KEYS.speedOffset("pageviews", "v1", 5)).isEqualTo("lambda:s:{pageviews:v1:5}:offset");
    }

    @Test
    void shouldGiveEverythingOneSpeedFlushWritesTheSameHashTag() {
        List<String> flush = List.of(
                KEYS.speedPartial("pageviews", "v1", 5, MINUTE, Rollup.none(), HOUR_START),
                KEYS.speedPartial("pageviews", "v1", 5, DAY, Rollup.of("url"), HOUR_START.plusSeconds(3600)),
                KEYS.speedOffset("pageviews", "v1", 5),
                KEYS.key(new SpeedIndex("pageviews", "v1", 5)),
                KEYS.key(new SpeedFrom("pageviews", "v1", 5)));

        assertThat(flush).extracting(ServingKeys::hashTag).containsOnly("pageviews:v1:5");
        assertThat(ServingKeys.hashTag(KEYS.speedOffset("pageviews", "v1", 6))).isEqualTo("pageviews:v1:6");
    }

    @Test
    void shouldGiveTheMetadataOfAViewVersionOneHashTag() {
        assertThat(List.of(new Pointer("pageviews", "v1"), new Runs("pageviews", "v1"), new BatchIndex("pageviews", "v1", RUN),
                new SpeedPartitions("pageviews", "v1"))).extracting(KEYS::key).extracting(ServingKeys::hashTag)
                .containsOnly("pageviews:v1");
    }

    @Test
    void shouldLeaveBatchRowsWithoutAHashTagSoTheySpreadOverACluster() {
        assertThat(ServingKeys.hashTag(KEYS.batchRows("pageviews", "v1", RUN, MINUTE, Rollup.none(), HOUR_START))).isNull();
    }

    @Test
    void shouldFollowRedisHashTagRules() {
        assertThat(ServingKeys.hashTag("a{b}c{d}")).isEqualTo("b");
        assertThat(ServingKeys.hashTag("a{}b{c}")).isNull();
        assertThat(ServingKeys.hashTag("a{b")).isNull();
        assertThat(ServingKeys.hashTag("plain")).isNull();
    }

    @Test
    void shouldIsolateTestsByPrefix() {
        ServingKeys test = new ServingKeys("t-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        String key = test.pointer("pageviews", "v1");

        assertThat(test.parse(key)).isEqualTo(new Pointer("pageviews", "v1"));
        assertThatIllegalArgumentException().isThrownBy(() -> KEYS.parse(key))
                .withMessage("not a serving key: '" + key + "' does not start with prefix 'lambda:'");
        assertThat(new ServingKeys("").pointer("a", "b")).isEqualTo("ptr:{a:b}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lambda{x}:", "with space", "toolong-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void shouldRejectPrefixesThatCouldBreakTheLayout(String prefix) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ServingKeys(prefix))
                .withMessage("key prefix '" + prefix + "' must match [A-Za-z0-9_.:-]{0,64}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lambda:ptr:{pageviews}", "lambda:ptr:{pageviews:v1}:x", "lambda:zz:{pageviews:v1}",
            "lambda:b:pageviews:v1:run:minute:*", "lambda:b:pageviews:v1:run:minute:*:1795514460",
            "lambda:s:{pageviews:v1:-1}:offset", "lambda:s:{pageviews:v1:01}:offset", "lambda:s:{pageviews:v1:3}:minute:*:1795514460",
            "lambda:s:{pageviews:v1:3}:weekly", "lambda:ptr:{Page:v1}", "lambda:", "lambda:bi:{pageviews:v1}"})
    void shouldRejectKeysOutsideTheLayout(String key) {
        assertThatIllegalArgumentException().isThrownBy(() -> KEYS.parse(key))
                .withMessageStartingWith("not a serving key: '" + key + "' ");
    }

    @Test
    void shouldValidateKeyParts() {
        ChunkRef chunk = new ChunkRef(MINUTE, Rollup.none(), HOUR_START);

        assertThatIllegalArgumentException().isThrownBy(() -> new Pointer("Page", "v1"))
                .withMessage("view name 'Page' must match [a-z][a-z0-9_-]{0,63}");
        assertThatIllegalArgumentException().isThrownBy(() -> new Pointer("p", "v:1"))
                .withMessage("view version 'v:1' must match [A-Za-z0-9_-]{1,64}");
        assertThatIllegalArgumentException().isThrownBy(() -> new BatchRows("p", "v1", "run:1", chunk))
                .withMessage("run id 'run:1' must match [A-Za-z0-9._-]{1,64}");
        assertThatIllegalArgumentException().isThrownBy(() -> new SpeedOffset("p", "v1", -1))
                .withMessage("partition must not be negative, got -1");
    }

    @Test
    void shouldRequireChunkStartsAlignedToTheirChunk() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BatchRows("p", "v1", RUN, new ChunkRef(HOUR, Rollup.none(), HOUR_START)))
                .withMessage("2026-11-24T10:00:00Z is not the start of a hour chunk");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SpeedPartial("p", "v1", 0, new ChunkRef(MINUTE, Rollup.none(), HOUR_START.plusSeconds(300))))
                .withMessage("2026-11-24T10:05:00Z is not the start of a slot chunk (an hour)");
    }

    @Test
    void shouldRoundTripChunkReferencesUsedAsIndexMembers() {
        ChunkRef chunk = new ChunkRef(HOUR, Rollup.of("url", "country"), DAY_START);

        assertThat(chunk.encode()).isEqualTo("hour:url,country:1795478400");
        assertThat(ChunkRef.decode(chunk.encode())).isEqualTo(chunk);
        assertThat(chunk.score()).isEqualTo(1795478400d);
        assertThatIllegalArgumentException().isThrownBy(() -> ChunkRef.decode("hour:url"))
                .withMessage("not a chunk reference (expected <granularity>:<rollup>:<chunk>): 'hour:url'");
        assertThatIllegalArgumentException().isThrownBy(() -> ChunkRef.decode("week:*:0"))
                .withMessage("granularity 'week' is not one of minute, hour, day");
    }
}
