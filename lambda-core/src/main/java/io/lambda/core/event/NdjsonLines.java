package io.lambda.core.event;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines at {@code \n} (a preceding {@code \r} stays in the line: it is JSON whitespace).
 * Holds one line at a time in a reused buffer, so memory is bounded by the longest line, not the body.
 */
final class NdjsonLines {

    private final InputStream in;
    private final byte[] chunk = new byte[8192];
    private int position;
    private int end;
    private byte[] line = new byte[512];
    private int length;
    private int lineNumber;
    private boolean finished;

    NdjsonLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        if (finished) {
            return false;
        }
        length = 0;
        while (true) {
            if (position == end) {
                int n = in.read(chunk, 0, chunk.length);
                if (n < 0) {
                    finished = true;
                    lineNumber++;
                    return length > 0;
                }
                position = 0;
                end = n;
            }
            int newline = indexOfNewline();
            int stop = newline < 0 ? end : newline;
            append(stop - position);
            if (newline >= 0) {
                position = newline + 1;
                lineNumber++;
                return true;
            }
            position = end;
        }
    }

    /** The current line's bytes, valid from 0 to {@link #length()} until the next call of {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** Physical line number of the current line, from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /** Whether the current line holds only spaces, tabs and carriage returns. */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private int indexOfNewline() {
        for (int i = position; i < end; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(chunk, position, line, length, count);
        length += count;
    }
}
