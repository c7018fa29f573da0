package io.lambda.speed;

import io.lambda.core.config.SketchProperties;
import io.lambda.core.kafka.EventTopicProperties;
import io.lambda.core.serving.ServingProperties;
import io.lambda.core.time.SlotProperties;
import io.lambda.core.view.ViewsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the speed layer: the Redis connections, the Kafka Streams lifecycle and its health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ServingProperties.class, SlotProperties.class, EventTopicProperties.class,
        ViewsProperties.class, SketchProperties.class})
class SpeedConfiguration {

    @Bean
    SpeedRedisConnections speedRedisConnections(DataRedisProperties redis) {
        return new SpeedRedisConnections(redis);
    }

    @Bean
    SpeedStreams speedStreams(SpeedProperties speed, EventTopicProperties topic, SlotProperties slot,
            SketchProperties sketches, ViewsProperties views, ServingProperties serving, KafkaProperties kafka,
            SpeedRedisConnections redis, MeterRegistry registry) {
        return new SpeedStreams(speed, topic, slot, sketches, views, serving, kafka, redis, registry);
    }

    @Bean
    SpeedHealthIndicator speedHealthIndicator(SpeedStreams streams) {
        return new SpeedHealthIndicator(streams);
    }
}
