package io.lambda.core.metric;

import org.jspecify.annotations.Nullable;

/** How the text metrics (distinct, top) read an attribute value: a string as it is, anything else as its text. */
final class TextValue {

    private TextValue() {
    }

    /** The value's text, or null for a missing value (ignored). */
    static @Nullable String of(@Nullable Object value) {
        if (value instanceof String s) {
            return s;
        }
        return value == null ? null : String.valueOf(value);
    }
}
