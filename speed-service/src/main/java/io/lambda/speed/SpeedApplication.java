package io.lambda.speed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SpeedApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpeedApplication.class, args);
    }
}
