package io.lambda.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.lambda.core.store.ArchivePaths;

/**
 * Where the archiver writes the master dataset: {@code lambda.archive.prefix}, the property the archiver (ingest
 * service) reads too, so one value configures both.
 *
 * @param prefix object-key prefix ending in {@code /}
 */
@ConfigurationProperties("lambda.archive")
public record ArchivePrefixProperties(@DefaultValue(ArchivePaths.DEFAULT_PREFIX) String prefix) {
}
