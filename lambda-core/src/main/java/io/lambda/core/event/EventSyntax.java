package io.lambda.core.event;

/**
 * The character-level syntax of ids, types and attribute keys. Lookup tables rather than regexes: these checks run
 * for every ingested event.
 */
final class EventSyntax {

    private static final boolean[] ID = table("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-");
    private static final boolean[] TYPE_START = table("abcdefghijklmnopqrstuvwxyz");
    private static final boolean[] TYPE = table("abcdefghijklmnopqrstuvwxyz0123456789_.-");
    private static final boolean[] KEY_START = table("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");
    private static final boolean[] KEY = table("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");

    private EventSyntax() {
    }

    /** 1-128 characters of {@code [A-Za-z0-9._:-]}. */
    static boolean isValidId(String id) {
        return matches(id, ID, ID, EventValidator.MAX_ID_LENGTH);
    }

    /** {@code [a-z][a-z0-9_.-]{0,63}}. */
    static boolean isValidType(String type) {
        return matches(type, TYPE_START, TYPE, EventValidator.MAX_TYPE_LENGTH);
    }

    /** {@code [A-Za-z_][A-Za-z0-9_.-]{0,63}}. */
    static boolean isValidAttributeKey(String key) {
        return matches(key, KEY_START, KEY, EventValidator.MAX_ATTRIBUTE_KEY_LENGTH);
    }

    private static boolean matches(String text, boolean[] first, boolean[] rest, int maxLength) {
        int length = text.length();
        if (length == 0 || length > maxLength || !in(first, text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            if (!in(rest, text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean in(boolean[] table, char c) {
        return c < table.length && table[c];
    }

    private static boolean[] table(String allowed) {
        boolean[] table = new boolean[128];
        for (int i = 0; i < allowed.length(); i++) {
            table[allowed.charAt(i)] = true;
        }
        return table;
    }
}
