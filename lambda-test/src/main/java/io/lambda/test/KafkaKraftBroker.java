package io.lambda.test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker in KRaft mode (combined broker and controller) in this JVM, on a free port
 * of 127.0.0.1, from spring-kafka-test's {@link EmbeddedKafkaKraftBroker}.
 *
 * <p>Topics are not created automatically, as on production clusters: a topic that needs
 * {@code message.timestamp.type=LogAppendTime} or a partition count must be created explicitly,
 * and a forgotten topic fails a test instead of appearing with defaults. Internal topics are small
 * (4 partitions, replication 1) so that the first consumer group or transaction starts quickly.
 */
public final class KafkaKraftBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaKraftBroker.class);

    static final Map<String, String> BROKER_PROPERTIES = Map.of(
            "auto.create.topics.enable", "false",
            "offsets.topic.num.partitions", "4",
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.num.partitions", "4",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0");

    private final EmbeddedKafkaKraftBroker broker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaKraftBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** Starts the broker and waits until it accepts clients. */
    public static KafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(BROKER_PROPERTIES);
        broker.afterPropertiesSet();
        KafkaKraftBroker started = new KafkaKraftBroker(broker);
        log.info("Started Kafka (KRaft, 1 broker) at {}", started.bootstrapServers());
        return started;
    }

    /** {@code bootstrap.servers} of the broker. */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            broker.destroy();
            log.info("Stopped Kafka");
        }
    }
}
