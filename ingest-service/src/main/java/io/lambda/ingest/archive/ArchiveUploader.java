package io.lambda.ingest.archive;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.store.MasterDataset;

/**
 * Stores sealed files in the master dataset, several at once, and returns only when every one of them is durable:
 * the caller commits their offsets next. If any put fails, the others are still awaited and the first failure is
 * thrown, so nothing of this batch gets committed.
 */
final class ArchiveUploader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ArchiveUploader.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final MasterDataset dataset;
    private final ArchiveMetrics metrics;
    private final ExecutorService puts;

    ArchiveUploader(MasterDataset dataset, ArchiveMetrics metrics, int threads) {
        this.dataset = dataset;
        this.metrics = metrics;
        this.puts = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "archive-put-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void store(List<SealedFile> sealed) {
        if (sealed.size() == 1) {
            put(sealed.get(0));
            return;
        }
        CompletableFuture<?>[] stores = sealed.stream()
                .map(file -> CompletableFuture.runAsync(() -> put(file), puts))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stores).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void put(SealedFile file) {
        dataset.put(file.file(), file.container());
        metrics.stored(file);
        log.debug("Stored {} records={} bytes={}", file.file(), file.records(), file.container().length);
    }

    @Override
    public void close() {
        puts.shutdown();
    }
}
