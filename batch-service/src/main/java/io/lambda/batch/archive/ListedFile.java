package io.lambda.batch.archive;

import java.util.Objects;

import io.lambda.core.store.ArchiveFile;

/**
 * One archive file as listed, with its stored size (progress and estimates weigh files by it).
 *
 * @param file  the file
 * @param key   its object key
 * @param bytes its stored size
 */
public record ListedFile(ArchiveFile file, String key, long bytes) {

    public ListedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
    }
}
