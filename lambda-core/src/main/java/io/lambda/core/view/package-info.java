/**
 * View definitions (DESIGN.md section 6): {@link io.lambda.core.view.ViewDefinition}, the
 * {@link io.lambda.core.view.ViewCatalog} of all views, and loading it from {@code views.yml}
 * ({@link io.lambda.core.view.ViewCatalogLoader}). Batch, speed and query all use this one model, so event
 * filtering and group extraction happen the same way in every layer.
 */
@NullMarked
package io.lambda.core.view;

import org.jspecify.annotations.NullMarked;
