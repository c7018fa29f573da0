package io.lambda.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.lambda.core.config.SketchProperties;
import io.lambda.core.kafka.EventTopicProperties;
import io.lambda.core.serving.ServingProperties;
import io.lambda.core.store.ObjectStoreProperties;
import io.lambda.core.time.SlotProperties;
import io.lambda.core.view.ViewsProperties;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableConfigurationProperties({ServingProperties.class, SlotProperties.class, EventTopicProperties.class,
        ViewsProperties.class, SketchProperties.class, ObjectStoreProperties.class})
public class BatchApplication {

    public static void main(String[] args) {
        SpringApplication.run(BatchApplication.class, args);
    }
}
