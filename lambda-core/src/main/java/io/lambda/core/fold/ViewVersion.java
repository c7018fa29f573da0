package io.lambda.core.fold;

import java.util.Objects;

import io.lambda.core.serving.ServingKey;
import io.lambda.core.view.ViewDefinition;

/**
 * One version of one view: what every stored row, partial and pointer belongs to.
 *
 * @param name    the view name
 * @param version the view version ({@link ViewDefinition#version()})
 */
public record ViewVersion(String name, String version) {

    public ViewVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (!ServingKey.VIEW.matcher(name).matches() || !ServingKey.VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a view version: " + name + ":" + version);
        }
    }

    /** The version of a definition. */
    public static ViewVersion of(ViewDefinition view) {
        return new ViewVersion(view.name(), view.version());
    }

    @Override
    public String toString() {
        return name + ":" + version;
    }
}
