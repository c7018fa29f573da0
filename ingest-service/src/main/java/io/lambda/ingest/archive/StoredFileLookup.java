package io.lambda.ingest.archive;

import java.time.Instant;
import java.util.Optional;

import io.lambda.core.store.ArchiveFile;

/** Finds an already stored file of a slot and partition that starts at an offset ({@code MasterDataset::findStartingAt}). */
@FunctionalInterface
interface StoredFileLookup {

    Optional<ArchiveFile> findStartingAt(Instant slot, int partition, long firstOffset);
}
