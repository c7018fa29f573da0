package io.lambda.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker in KRaft mode (combined broker and controller) as its own process, keeping its log under a data
 * directory so a restart finds every event again: {@code KafkaBrokerMain <dir> <port> <controllerPort>}. Formats the
 * storage on first start only, then runs {@code kafka.Kafka} until SIGTERM. Started by {@link LocalInfrastructure}
 * through Spring Boot's {@code PropertiesLauncher} from the launcher's own jar, which carries Kafka's jars.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("log.dirs", logs.toString());
        config.setProperty("num.partitions", "1");
        // the same settings as the test broker (lambda-test KafkaKraftBroker): topics are created explicitly
        config.setProperty("auto.create.topics.enable", "false");
        config.setProperty("offsets.topic.num.partitions", "4");
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("transaction.state.log.num.partitions", "4");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "written by the local platform at every start");
        }
        if (!Files.exists(logs.resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                    "-c", file.toString()}, System.out);
            if (formatted != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + logs + " failed: " + formatted);
            }
        }
        kafka.Kafka.main(new String[] {file.toString()});
    }
}
