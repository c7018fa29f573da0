package io.lambda.core.view;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code views.yml} lives: {@code lambda.views.location}, default {@code classpath:views.yml}.
 *
 * @param location {@code classpath:<resource>}, {@code file:<path>} or a plain file path
 */
@ConfigurationProperties("lambda.views")
public record ViewsProperties(@DefaultValue("classpath:views.yml") String location) {
}
