package io.lambda.core.time;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ingest slot length shared by every service: {@code lambda.slot} (default {@code 5m}). Binding fails
 * with {@link IngestSlots}'s message when the length does not divide an hour.
 *
 * @param slot the slot length
 */
@ConfigurationProperties("lambda")
public record SlotProperties(@DefaultValue("5m") Duration slot) {

    public SlotProperties {
        new IngestSlots(slot);
    }

    /** The slots of the configured length. */
    public IngestSlots slots() {
        return new IngestSlots(slot);
    }
}
