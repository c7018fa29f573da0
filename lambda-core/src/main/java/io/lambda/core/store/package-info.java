/**
 * Access to the S3-compatible object store that holds the master dataset: typed connection
 * properties, an {@link software.amazon.awssdk.services.s3.S3Client} factory and a small
 * {@link io.lambda.core.store.ObjectStore} bound to one bucket; and the master dataset itself
 * ({@link io.lambda.core.store.MasterDataset}): its key layout ({@link io.lambda.core.store.ArchivePaths}),
 * listing by slot range and reading of its Avro files.
 */
@NullMarked
package io.lambda.core.store;

import org.jspecify.annotations.NullMarked;
