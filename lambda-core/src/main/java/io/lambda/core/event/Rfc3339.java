package io.lambda.core.event;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Parses RFC 3339 date-times ({@code 2026-11-24T10:15:30.123+01:00}) to UTC instants, truncated to milliseconds.
 *
 * <p>Accepts what section 5.6 of RFC 3339 defines: a 4-digit year, seconds always present, any number of
 * fraction digits, {@code Z} or a {@code +hh:mm}/{@code -hh:mm} offset; {@code T}, {@code t} or a space between
 * date and time; {@code z} for {@code Z}. Leap seconds ({@code :60}) are rejected: {@link Instant} has none.
 * Hand-written because it runs once per ingested event and {@code DateTimeFormatter} is several times slower.
 */
final class Rfc3339 {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Rfc3339() {
    }

    /** The instant, or null when {@code text} is not an RFC 3339 date-time. */
    static @Nullable Instant parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || !isSeparator(text.charAt(10))
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int pos = 19;
        int millis = 0;
        if (text.charAt(pos) == '.') {
            int start = ++pos;
            while (pos < length && isDigit(text.charAt(pos))) {
                if (pos - start < 3) {
                    millis = millis * 10 + (text.charAt(pos) - '0');
                }
                pos++;
            }
            int fractionDigits = pos - start;
            if (fractionDigits == 0) {
                return null;
            }
            for (int i = fractionDigits; i < 3; i++) {
                millis *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(text, pos);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
    }

    /** Seconds east of UTC of the offset that must end {@code text} at {@code pos}; MIN_VALUE when invalid. */
    private static int offsetSeconds(String text, int pos) {
        int remaining = text.length() - pos;
        if (remaining == 1) {
            char zone = text.charAt(pos);
            return zone == 'Z' || zone == 'z' ? 0 : Integer.MIN_VALUE;
        }
        if (remaining != 6 || text.charAt(pos + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        char sign = text.charAt(pos);
        int hours = digits(text, pos + 1, 2);
        int minutes = digits(text, pos + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '+' ? seconds : -seconds;
    }

    private static boolean isSeparator(char c) {
        return c == 'T' || c == 't' || c == ' ';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The non-negative number of {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }
}
