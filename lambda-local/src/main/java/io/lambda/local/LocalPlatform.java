package io.lambda.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.lambda.core.store.ArchivePaths;
import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.core.time.SlotProperties;
import io.lambda.ingest.archive.ArchiveProperties;
import io.lambda.ingest.IngestApplication;
import io.lambda.test.LambdaStack;
import io.lambda.test.StackProperties;

/**
 * The platform on one machine, no Docker: {@code java -jar lambda-local/target/lambda-local-*-exec.jar [--demo=false]
 * [spring arguments]}. Starts a real Kafka broker, redis-server and S3 endpoint ({@link LambdaStack}), then the
 * ingest service with its archiver on its usual ports (API 8081, Actuator on 127.0.0.1:9081), runs {@link Demo} and
 * keeps running until Ctrl-C. Other arguments go to the ingest service, e.g. {@code --server.port=9000}.
 *
 * <p>The speed, batch, query and gateway services do nothing yet beyond answering health, so they are not started.
 */
public final class LocalPlatform {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final String TOPIC = "lambda.events";

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        boolean demo = true;
        List<String> serviceArguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--demo=")) {
                demo = Boolean.parseBoolean(arg.substring("--demo=".length()));
            } else {
                serviceArguments.add(arg);
            }
        }
        try {
            run(demo, serviceArguments);
        } catch (Exception e) {
            log.error("The local platform failed; stopping it", e);
            LambdaStack.stopIfStarted();
            System.exit(1); // the embedded broker's threads are not daemons: they would keep the JVM alive
        }
    }

    private static void run(boolean demo, List<String> serviceArguments) throws Exception {
        LambdaStack stack = LambdaStack.get();
        ObjectStoreProperties bucket = stack.newBucket();
        ConfigurableApplicationContext ingest = startIngest(stack, bucket, serviceArguments);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ingest.close();
            LambdaStack.stopIfStarted();
            stopped.countDown();
        }, "local-platform-stop"));

        String port = ingest.getEnvironment().getRequiredProperty("local.server.port");
        String managementPort = ingest.getEnvironment().getRequiredProperty("local.management.port");
        log.info("Kafka {} (topic {}), Redis {}:{}, S3 {} (bucket {}), started in {} s",
                stack.kafkaBootstrapServers(), TOPIC, stack.redis().host(), stack.redis().port(), bucket.endpoint(),
                bucket.bucket(), stack.startupTime().toSeconds());
        log.info("Ingest API http://localhost:{}/api/v1/events, health http://127.0.0.1:{}/actuator/health", port,
                managementPort);
        if (demo) {
            ArchivePaths paths = new ArchivePaths(ingest.getBean(ArchiveProperties.class).prefix(),
                    ingest.getBean(SlotProperties.class).slots());
            new Demo("http://localhost:" + port, bucket, paths).run();
        }
        String event = "{\"id\":\"my-1\",\"type\":\"pageview\",\"timestamp\":\"" + Instant.now() + "\"}";
        log.info("Running; Ctrl-C stops everything. Try: curl -i -H 'Content-Type: application/json' -d '{}' "
                + "http://localhost:{}/api/v1/events", event, port);
        stopped.await();
    }

    private static ConfigurableApplicationContext startIngest(LambdaStack stack, ObjectStoreProperties bucket,
            List<String> extraArguments) {
        Map<String, Object> properties = new LinkedHashMap<>(StackProperties.of(stack, bucket));
        properties.put("lambda.events.name", TOPIC);
        properties.put("lambda.archive.enabled", true);
        // small files, soon: the demo shows the master dataset within seconds
        properties.put("lambda.archive.max-file-age", "5s");
        List<String> arguments = new ArrayList<>(List.of(StackProperties.asArguments(properties)));
        arguments.addAll(extraArguments); // later arguments win
        return new SpringApplicationBuilder(IngestApplication.class).main(IngestApplication.class)
                .run(arguments.toArray(String[]::new));
    }
}
