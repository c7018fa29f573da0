/**
 * Avro form of {@link io.lambda.core.event.Event}: the schema ({@code avro/event.avsc} on the classpath), a binary
 * codec for Kafka record values, and a {@link org.apache.avro.io.DatumWriter}/{@link org.apache.avro.io.DatumReader}
 * pair for object-container files in the master dataset.
 *
 * <p>Hand-written over Avro's {@code BinaryEncoder}/{@code BinaryDecoder} rather than generated classes: no
 * intermediate record object per event, no reflection and no class-loading allow list
 * ({@code org.apache.avro.SERIALIZABLE_PACKAGES}) to configure. Tests check the bytes against Avro's generic
 * reader and writer for the same schema.
 */
@NullMarked
package io.lambda.core.event.avro;

import org.jspecify.annotations.NullMarked;
