package io.lambda.speed.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lambda.core.fold.ViewVersion;
import io.lambda.core.serving.ChunkRef;
import io.lambda.core.serving.Rollup;
import io.lambda.core.serving.ServingKeys;
import io.lambda.core.time.Granularity;
import io.lambda.speed.SpeedRedis;
import io.lambda.test.LambdaStack;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The real flush and cleanup scripts on the stack's Redis: the offset guard, the generation marker, the floor. */
class RedisPartialWriterIntegrationTests {

    static final ViewVersion VIEW = new ViewVersion("pages", "0123456789ab");
    static final Instant HOUR = Instant.parse("2026-11-24T10:00:00Z");
    static final ChunkRef CHUNK = new ChunkRef(Granularity.MINUTE, Rollup.none(), HOUR);
    static final String FIELD = HOUR.getEpochSecond() + "|" + HOUR.getEpochSecond();

    final ServingKeys keys = new ServingKeys(LambdaStack.get().newKeyPrefix());
    final RedisPartialWriter writer = new RedisPartialWriter(SpeedRedis.bytes().async(), keys, Duration.ofSeconds(10));
    final String hash = keys.speedPartial(VIEW.name(), VIEW.version(), 2, CHUNK.granularity(), CHUNK.rollup(), HOUR);
    final String floorKey = RedisPartialWriter.floorKey(keys, VIEW.name(), VIEW.version(), 2);

    @Test
    void shouldRefuseAZombieFlushCarryingAnOlderOffset() {
        assertThat(writer.flush(List.of(flush(100, null, "g1", "new")))).containsExactly(FlushOutcome.WRITTEN);

        List<FlushOutcome> zombie = writer.flush(List.of(flush(90, "g1", null, "old"), flush(90, null, "g2", "old")));

        assertThat(zombie).containsExactly(FlushOutcome.REFUSED, FlushOutcome.REFUSED);
        assertThat(SpeedRedis.strings().hget(hash, FIELD)).isEqualTo("new");
        assertThat(SpeedRedis.strings().hget(hash, "~offset")).isEqualTo("100");
        assertThat(SpeedRedis.offset(keys, VIEW, 2)).isEqualTo(100);
        assertThat(SpeedRedis.strings().get(keys.speedGeneration(VIEW.name(), VIEW.version(), 2))).isEqualTo("g1");
    }

    @Test
    void shouldRewriteAtAnEqualOrNewerPositionAndSetFromOnce() {
        writer.flush(List.of(flush(100, null, "g1", "a")));

        assertThat(writer.flush(List.of(flush(100, "g1", null, "a")))).containsExactly(FlushOutcome.WRITTEN);
        assertThat(writer.flush(List.of(new PartitionFlush(VIEW, 2, 120, 999, null, "g1", null,
                List.of(new HashWrite(CHUNK, Map.of(FIELD, "b".getBytes()))))))).containsExactly(FlushOutcome.WRITTEN);

        assertThat(SpeedRedis.strings().hget(hash, FIELD)).isEqualTo("b");
        assertThat(SpeedRedis.strings().get(keys.speedFrom(VIEW.name(), VIEW.version(), 2))).isEqualTo("0");
        assertThat(SpeedRedis.strings().zrangeWithScores(keys.speedIndex(VIEW.name(), VIEW.version(), 2), 0, -1))
                .extracting(v -> v.getValue() + "@" + (long) v.getScore())
                .containsExactly(CHUNK.encode() + "@" + HOUR.getEpochSecond());
    }

    @Test
    void shouldAnswerGenerationChangedWhenTheMarkerIsMissingOrAnother() {
        assertThat(writer.flush(List.of(flush(10, "g1", null, "a")))).containsExactly(
                FlushOutcome.GENERATION_CHANGED);
        assertThat(SpeedRedis.strings().exists(hash)).isZero();
        writer.flush(List.of(flush(10, null, "g2", "a")));

        assertThat(writer.flush(List.of(flush(11, "g1", null, "b")))).containsExactly(
                FlushOutcome.GENERATION_CHANGED);
        assertThat(SpeedRedis.strings().hget(hash, FIELD)).isEqualTo("a");
    }

    @Test
    void shouldDeleteTheHashesOfChunksEndingAtOrBeforeTheBoundary() {
        ChunkRef later = new ChunkRef(Granularity.MINUTE, Rollup.none(), HOUR.plusSeconds(3600));
        writer.flush(List.of(new PartitionFlush(VIEW, 2, 5, 0, null, null, "g", List.of(
                new HashWrite(CHUNK, Map.of(FIELD, "x".getBytes())),
                new HashWrite(later, Map.of((HOUR.getEpochSecond() + 3600) + "|" + HOUR.getEpochSecond(),
                        "y".getBytes()))))));

        long removed = writer.cleanup(VIEW, 2, HOUR.plusSeconds(3600 + 600));

        assertThat(removed).isEqualTo(1);
        assertThat(SpeedRedis.strings().exists(hash)).isZero();
        assertThat(SpeedRedis.strings().zrange(keys.speedIndex(VIEW.name(), VIEW.version(), 2), 0, -1))
                .containsExactly(later.encode());
        assertThat(SpeedRedis.offset(keys, VIEW, 2)).isEqualTo(5);
        assertThat(SpeedRedis.strings().get(floorKey)).isEqualTo(Long.toString(HOUR.getEpochSecond() + 3600 + 600));

        assertThat(writer.cleanup(VIEW, 2, HOUR.plusSeconds(600))).isZero(); // an older boundary: never lowered
        assertThat(SpeedRedis.strings().get(floorKey)).isEqualTo(Long.toString(HOUR.getEpochSecond() + 3600 + 600));
    }

    @Test
    void shouldRaiseTheFloorWhenCleanupRemovesNoWholeChunk() {
        writer.flush(List.of(flush(5, null, "g", "x")));

        assertThat(writer.cleanup(VIEW, 2, HOUR.plusSeconds(600))).isZero();

        assertThat(SpeedRedis.strings().exists(hash)).isOne();
        assertThat(SpeedRedis.strings().get(floorKey)).isEqualTo(Long.toString(HOUR.getEpochSecond() + 600));
    }

    @Test
    void shouldRaiseTheFloorWithAFlushButNeverLowerItNorLetARefusedFlushTouchIt() {
        long floor = HOUR.getEpochSecond();
        assertThat(floorKey).isEqualTo(keys.prefix() + "s:{pages:0123456789ab:2}:floor");
        assertThat(writer.flush(List.of(flush(10, null, null, "g1", "a")))).containsExactly(FlushOutcome.WRITTEN);
        assertThat(SpeedRedis.strings().exists(floorKey)).isZero(); // no floor: the task holds every slot

        writer.flush(List.of(flush(11, floor, "g1", null, "a")));
        assertThat(SpeedRedis.strings().get(floorKey)).isEqualTo(Long.toString(floor));

        assertThat(writer.flush(List.of(flush(9, floor + 600, "g1", null, "zombie"))))
                .containsExactly(FlushOutcome.REFUSED);
        assertThat(writer.flush(List.of(flush(12, floor + 900, "other", null, "a"))))
                .containsExactly(FlushOutcome.GENERATION_CHANGED);
        writer.flush(List.of(flush(13, floor - 300, "g1", null, "b")));
        assertThat(SpeedRedis.strings().get(floorKey)).isEqualTo(Long.toString(floor));

        SpeedRedis.deleteAll(keys); // Redis lost its data: the full rewrite brings the floor back with the partials
        assertThat(writer.flush(List.of(flush(14, floor, null, "g2", "b")))).containsExactly(FlushOutcome.WRITTEN);
        assertThat(SpeedRedis.strings().get(floorKey)).isEqualTo(Long.toString(floor));
        assertThat(SpeedRedis.strings().hget(hash, FIELD)).isEqualTo("b");
    }

    private PartitionFlush flush(long position, @Nullable String expected, @Nullable String newGeneration,
            String value) {
        return flush(position, null, expected, newGeneration, value);
    }

    private PartitionFlush flush(long position, @Nullable Long floor, @Nullable String expected,
            @Nullable String newGeneration, String value) {
        return new PartitionFlush(VIEW, 2, position, 0, floor, expected, newGeneration,
                List.of(new HashWrite(CHUNK, Map.of(FIELD, value.getBytes()))));
    }
}
