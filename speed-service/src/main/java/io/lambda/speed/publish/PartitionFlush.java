package io.lambda.speed.publish;

import java.util.List;
import java.util.Objects;

import io.lambda.core.fold.ViewVersion;
import org.jspecify.annotations.Nullable;

/**
 * One guarded write of a (view version, partition): KEYS.md "Speed flush".
 *
 * @param view               the view version
 * @param partition          the source partition
 * @param position           the next offset to read after the last record folded into these values
 * @param from               the value of {@code …:from} (set once, epoch seconds; 0 = from the partition's start)
 * @param floor              the task's floor (epoch seconds): the slot below which it no longer holds partials, null
 *                           when it holds every slot since {@code from}; the script raises {@code …:floor} to it
 * @param expectedGeneration the generation marker the task last saw, null when it has seen none: then the write is
 *                           refused with {@link FlushOutcome#GENERATION_CHANGED} unless {@code newGeneration} is set
 * @param newGeneration      set for a full rewrite: the script stores it as the marker and skips the check
 * @param hashes             the hashes and fields to write (every partial of the task for a full rewrite)
 */
public record PartitionFlush(ViewVersion view, int partition, long position, long from, @Nullable Long floor,
        @Nullable String expectedGeneration, @Nullable String newGeneration, List<HashWrite> hashes) {

    public PartitionFlush {
        Objects.requireNonNull(view, "view");
        hashes = List.copyOf(hashes);
    }

    /** The number of fields written, besides {@code ~offset}. */
    public int fieldCount() {
        return hashes.stream().mapToInt(h -> h.fields().size()).sum();
    }
}
