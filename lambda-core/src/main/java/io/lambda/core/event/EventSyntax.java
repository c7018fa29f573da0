package io.lambda.core.event;

/** The character-level syntax of ids, types and attribute keys; hand-written loops, as regexes cost more per event. */
final class EventSyntax {

    private EventSyntax() {
    }

    /** 1-128 characters of {@code [A-Za-z0-9._:-]}. */
    static boolean isValidId(String id) {
        int length = id.length();
        if (length == 0 || length > EventValidator.MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (!isAlphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z][a-z0-9_.-]{0,63}}. */
    static boolean isValidType(String type) {
        int length = type.length();
        if (length == 0 || length > EventValidator.MAX_TYPE_LENGTH || !isLower(type.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = type.charAt(i);
            if (!isLower(c) && !isDigit(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code [A-Za-z_][A-Za-z0-9_.-]{0,63}}. */
    static boolean isValidAttributeKey(String key) {
        int length = key.length();
        if (length == 0 || length > EventValidator.MAX_ATTRIBUTE_KEY_LENGTH) {
            return false;
        }
        char first = key.charAt(0);
        if (!isLetter(first) && first != '_') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = key.charAt(i);
            if (!isAlphanumeric(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlphanumeric(char c) {
        return isLetter(c) || isDigit(c);
    }

    private static boolean isLetter(char c) {
        return isLower(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
