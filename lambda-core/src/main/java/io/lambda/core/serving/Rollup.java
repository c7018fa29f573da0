package io.lambda.core.serving;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import io.lambda.core.view.ViewDefinition;

/**
 * Which dimensions a row keeps; the others are rolled up (merged over all their values). Both layers
 * store, next to the full rows, the row with every dimension rolled up and one row per single dimension
 * ({@link #forView}), so an unfiltered series, a one-dimension filter and a one-dimension groups query each
 * read only the rows they answer from.
 *
 * <p>Key token ({@link #token()}): {@code *} when nothing is kept, otherwise the kept dimension names
 * joined by {@code ,} in view order: {@code url}, {@code url,country}. Attribute keys contain neither
 * {@code *} nor {@code ,} nor {@code :}, so the token is unambiguous inside a key.
 *
 * @param kept the kept dimensions, in view dimension order
 */
public record Rollup(List<String> kept) {

    /** The token of the row that keeps no dimension. */
    public static final String NONE_TOKEN = "*";

    /** The attribute key rule of DESIGN.md section 4 (dimension names). */
    private static final Pattern DIMENSION = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    public Rollup {
        kept = List.copyOf(kept);
        if (new HashSet<>(kept).size() != kept.size()) {
            throw new IllegalArgumentException("rollup keeps a dimension twice: " + kept);
        }
        for (String dimension : kept) {
            if (!DIMENSION.matcher(dimension).matches()) {
                throw new IllegalArgumentException("invalid dimension name '" + dimension + "' in rollup");
            }
        }
    }

    /** The row with every dimension rolled up. */
    public static Rollup none() {
        return new Rollup(List.of());
    }

    /** A row keeping these dimensions (give them in view order). */
    public static Rollup of(String... kept) {
        return new Rollup(List.of(kept));
    }

    /**
     * Every row a view stores, in this order: nothing kept, each single dimension, and all dimensions when
     * there are two or more (with one dimension the single row is the full row).
     */
    public static List<Rollup> forView(List<String> dimensions) {
        List<Rollup> rollups = new ArrayList<>();
        rollups.add(none());
        dimensions.forEach(d -> rollups.add(of(d)));
        if (dimensions.size() >= 2) {
            rollups.add(new Rollup(dimensions));
        }
        return List.copyOf(rollups);
    }

    /** Every row the view stores. */
    public static List<Rollup> forView(ViewDefinition view) {
        return forView(view.dimensions());
    }

    /**
     * The smallest stored row that holds the needed dimensions (filtered or grouped by): none, one single
     * dimension, or the full row.
     *
     * @throws IllegalArgumentException when a needed dimension is not one of the view's
     */
    public static Rollup select(List<String> viewDimensions, Collection<String> needed) {
        for (String dimension : needed) {
            if (!viewDimensions.contains(dimension)) {
                throw new IllegalArgumentException("unknown dimension '" + dimension + "'"
                        + (viewDimensions.isEmpty() ? ", the view has none" : ", the view has " + viewDimensions));
            }
        }
        int distinct = new HashSet<>(needed).size();
        if (distinct == 0) {
            return none();
        }
        return distinct == 1 ? of(needed.iterator().next()) : new Rollup(viewDimensions);
    }

    /** Whether nothing is kept. */
    public boolean isNone() {
        return kept.isEmpty();
    }

    /** The key token: {@code *}, {@code url} or {@code url,country}. */
    public String token() {
        return kept.isEmpty() ? NONE_TOKEN : String.join(",", kept);
    }

    /**
     * @throws IllegalArgumentException when the token is not a rollup token
     */
    public static Rollup parse(String token) {
        return token.equals(NONE_TOKEN) ? none() : new Rollup(List.of(token.split(",", -1)));
    }

    /**
     * The values this row keeps, taken from a full row's values: the rollup row's group for an event whose
     * dimension values are {@code fullValues}.
     *
     * @param viewDimensions the view's dimensions, in order
     * @param fullValues     one value per view dimension, in the same order
     */
    public List<String> project(List<String> viewDimensions, List<String> fullValues) {
        if (fullValues.size() != viewDimensions.size()) {
            throw new IllegalArgumentException("expected " + viewDimensions.size() + " dimension values, got "
                    + fullValues.size());
        }
        List<String> values = new ArrayList<>(kept.size());
        for (String dimension : kept) {
            int index = viewDimensions.indexOf(dimension);
            if (index < 0) {
                throw new IllegalArgumentException("rollup keeps '" + dimension + "', which is not one of "
                        + viewDimensions);
            }
            values.add(fullValues.get(index));
        }
        return List.copyOf(values);
    }

    @Override
    public String toString() {
        return token();
    }
}
