package io.lambda.query.store;

import java.time.Instant;

/**
 * One entry of the version registry ({@code <p>versions:{<view>}}, written by {@code VersionRegistry.register}).
 *
 * @param canonical the definition's canonical form ({@code ViewDefinition.canonicalForm()})
 */
public record RegisteredVersion(String version, Instant registeredAt, String description, String canonical) {
}
