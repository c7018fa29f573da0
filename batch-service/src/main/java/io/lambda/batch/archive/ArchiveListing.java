package io.lambda.batch.archive;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lambda.core.store.ArchiveFile;
import io.lambda.core.store.ArchivePaths;
import io.lambda.core.store.ObjectStore;
import io.lambda.core.store.StoredObject;

/**
 * What a batch run reads: every archive file of the slots before a boundary, per partition in offset order, with
 * its size. {@code MasterDataset.list} sorts by slot first and drops sizes; the batch layer reads each partition's
 * files in offset order (first offset of an id wins), so it lists here with the same paths and one paged listing.
 */
public final class ArchiveListing {

    private static final Logger log = LoggerFactory.getLogger(ArchiveListing.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final Comparator<ListedFile> OFFSET_ORDER = Comparator
            .comparingLong((ListedFile f) -> f.file().firstOffset())
            .thenComparingLong(f -> f.file().lastOffset());

    private final ObjectStore store;
    private final ArchivePaths paths;

    public ArchiveListing(ObjectStore store, ArchivePaths paths) {
        this.store = Objects.requireNonNull(store, "store");
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    public ObjectStore store() {
        return store;
    }

    public ArchivePaths paths() {
        return paths;
    }

    /** Every file of a slot before {@code boundary}, by partition, each partition's files in offset order. */
    public Map<Integer, List<ListedFile>> before(Instant boundary) {
        Map<Integer, List<ListedFile>> byPartition = new TreeMap<>();
        String lastMinute = paths.prefix() + "slot=" + MINUTE.format(LocalDateTime.ofInstant(boundary, ZoneOffset.UTC));
        try (Stream<StoredObject> objects = store.list(paths.prefix() + "slot=")) {
            objects.takeWhile(o -> o.key().compareTo(lastMinute) < 0 || o.key().startsWith(lastMinute))
                    .forEach(o -> parse(o.key()).filter(f -> f.slot().isBefore(boundary))
                            .ifPresent(f -> byPartition.computeIfAbsent(f.partition(), p -> new ArrayList<>())
                                    .add(new ListedFile(f, o.key(), o.size()))));
        }
        byPartition.values().forEach(files -> files.sort(OFFSET_ORDER));
        return byPartition;
    }

    /** The files of one partition before {@code boundary}, in offset order. */
    public List<ListedFile> before(Instant boundary, int partition) {
        return before(boundary).getOrDefault(partition, List.of());
    }

    private Optional<ArchiveFile> parse(String key) {
        Optional<ArchiveFile> file = paths.parse(key);
        if (file.isEmpty()) {
            log.warn("Skipped object key={} that is not an archive file of prefix={} slots={}", key, paths.prefix(),
                    paths.slots());
        }
        return file;
    }
}
