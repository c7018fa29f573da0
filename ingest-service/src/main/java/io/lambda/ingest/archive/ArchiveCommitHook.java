package io.lambda.ingest.archive;

import java.util.List;

import io.lambda.core.store.ArchiveFile;

/**
 * Called after files are stored and before their offsets are committed: the window a crash test needs. An exception
 * thrown here ends the archiver like a crash at that point (nothing is committed).
 */
@FunctionalInterface
public interface ArchiveCommitHook {

    /** Does nothing: production. */
    ArchiveCommitHook NONE = stored -> {
    };

    /** {@code stored} were just put into the object store; their offsets are not committed yet. */
    void beforeCommit(List<ArchiveFile> stored);
}
