package io.lambda.batch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import io.lambda.batch.archive.ArchiveListing;
import io.lambda.batch.archive.CorruptArchiveException;
import io.lambda.batch.archive.IdHashSet;
import io.lambda.batch.archive.ListedFile;
import io.lambda.batch.archive.PartitionEvents;
import io.lambda.core.event.Event;

/**
 * Reads one Kafka partition's archived events for a run ({@link PartitionEvents}: offset order, boundary, dedup).
 * Its position is not restartable: the partial aggregates live in memory until the partition is staged, so a
 * partition that failed is read again from its first file (a partition that completed is not read again at all).
 * Progress goes to the step execution context at every chunk, where run status reads it.
 */
public class PartitionReader implements ItemStreamReader<Event> {

    private static final int SKIPS_KEPT = 20;

    private final ArchiveListing listing;
    private final RunParameters run;
    private final int partition;
    private final List<String> skipped = new ArrayList<>();
    private @Nullable PartitionEvents events;
    private long filesTotal;
    private boolean exhausted;

    public PartitionReader(ArchiveListing listing, StepExecution step) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.run = RunParameters.of(step.getJobExecution().getJobParameters());
        this.partition = step.getExecutionContext().getInt(RunContext.PARTITION);
    }

    @Override
    public void open(ExecutionContext context) {
        List<ListedFile> files = listing.before(run.boundary(), partition);
        filesTotal = files.size();
        events = new PartitionEvents(listing.store(), files, run.boundary(), new IdHashSet());
        exhausted = false;
        skipped.clear();
    }

    @Override
    public @Nullable Event read() {
        try {
            Event event = events().next();
            if (event == null) {
                exhausted = true;
            }
            return event;
        } catch (CorruptArchiveException e) {
            if (skipped.size() < SKIPS_KEPT) {
                skipped.add(e.key() + " at " + e.position());
            }
            throw e;
        }
    }

    @Override
    public void update(ExecutionContext context) {
        PartitionEvents read = events();
        context.putLong(RunContext.FILES_READ, read.filesRead());
        context.putLong("lambda.filesTotal", filesTotal);
        context.putLong(RunContext.BYTES_READ, read.bytesRead());
        context.putLong(RunContext.EVENTS_READ, read.eventsRead());
        context.putLong(RunContext.DUPLICATES, read.duplicates());
        context.putLong(RunContext.AFTER_BOUNDARY, read.afterBoundary());
        context.putString(RunContext.SKIPPED, String.join("\n", skipped));
        context.putDouble(RunContext.DEDUP_BYTES_PER_ID, read.ids().bytesPerId());
    }

    /** Whether the partition was read to its end. */
    public boolean exhausted() {
        return exhausted;
    }

    public int partition() {
        return partition;
    }

    public RunParameters run() {
        return run;
    }

    private PartitionEvents events() {
        PartitionEvents open = events;
        if (open == null) {
            throw new IllegalStateException("reader of partition " + partition + " is not open");
        }
        return open;
    }
}
