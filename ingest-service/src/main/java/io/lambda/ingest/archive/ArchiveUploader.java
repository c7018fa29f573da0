package io.lambda.ingest.archive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.store.ArchiveFile;

/**
 * Stores sealed files in the master dataset and returns only when every one of them is durable: the caller commits
 * their offsets next. Partitions are stored in parallel; the files of one partition one after another in offset
 * order, stopping at the first failure. So the stored but uncommitted files of a partition always follow its
 * committed position without a hole, which is what crash recovery relies on. On a failure the other partitions are
 * still awaited and the first failure is thrown, so nothing of this batch gets committed.
 */
final class ArchiveUploader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArchiveUploader.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BiConsumer<ArchiveFile, byte[]> store;
    private final ArchiveMetrics metrics;
    private final ExecutorService puts;

    /** Puts with {@code store} (e.g. {@code MasterDataset::put}), {@code threads} partitions at a time. */
    ArchiveUploader(BiConsumer<ArchiveFile, byte[]> store, ArchiveMetrics metrics, int threads) {
        this.store = store;
        this.metrics = metrics;
        this.puts = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "archive-put-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void store(List<SealedFile> sealed) {
        Map<Integer, List<SealedFile>> byPartition = sealed.stream().collect(
                Collectors.groupingBy(file -> file.file().partition(), LinkedHashMap::new, Collectors.toList()));
        if (byPartition.size() == 1) {
            byPartition.values().forEach(this::putInOrder);
            return;
        }
        CompletableFuture<?>[] stores = byPartition.values().stream()
                .map(files -> CompletableFuture.runAsync(() -> putInOrder(files), puts))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stores).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void putInOrder(List<SealedFile> files) {
        files.forEach(this::put);
    }

    private void put(SealedFile file) {
        store.accept(file.file(), file.container());
        metrics.stored(file);
        log.debug("Stored {} records={} bytes={}", file.file(), file.records(), file.container().length);
    }

    @Override
    public void close() {
        puts.shutdown();
    }
}
