package io.lambda.core.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import io.lambda.core.event.Event;
import org.jspecify.annotations.Nullable;

/**
 * All views of the platform, in declaration order, with lookup by name. View names are unique.
 */
public final class ViewCatalog {

    private final Map<String, ViewDefinition> byName;

    /**
     * @throws ViewDefinitionException {@code duplicate view name 'pageviews'} for each name given twice
     */
    public ViewCatalog(List<ViewDefinition> views) {
        Map<String, ViewDefinition> map = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (ViewDefinition view : views) {
            if (map.putIfAbsent(view.name(), view) != null) {
                errors.add(duplicateName(view.name()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ViewDefinitionException(errors);
        }
        this.byName = map;
    }

    static String duplicateName(String name) {
        return "duplicate view name '" + name + "'";
    }

    /** Every view, in declaration order. */
    public List<ViewDefinition> views() {
        return List.copyOf(byName.values());
    }

    /** Every view name, in declaration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /** The view with this name, if any. */
    public Optional<ViewDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The view with this name.
     *
     * @throws NoSuchElementException {@code unknown view 'x'}
     */
    public ViewDefinition get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException("unknown view '" + name + "'"));
    }

    /** The views that count this event ({@link ViewDefinition#matches}), in declaration order. */
    public List<ViewDefinition> matching(Event event) {
        return byName.values().stream().filter(view -> view.matches(event)).toList();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ViewCatalog other && List.copyOf(other.byName.values()).equals(views());
    }

    @Override
    public int hashCode() {
        return views().hashCode();
    }

    @Override
    public String toString() {
        return "ViewCatalog" + byName.keySet();
    }
}
