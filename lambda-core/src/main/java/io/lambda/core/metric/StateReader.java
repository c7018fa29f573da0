package io.lambda.core.metric;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;

import org.apache.datasketches.memory.Memory;

/** Reads what {@link StateWriter} wrote; every malformed input ends in IllegalArgumentException. */
final class StateReader {

    private final byte[] bytes;
    private int position;

    StateReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads the leading tag and checks it is {@code expected}. */
    static StateReader expectingTag(byte[] bytes, int expected, String what) {
        StateReader reader = new StateReader(bytes);
        int tag = reader.readByte();
        if (tag != expected) {
            throw new IllegalArgumentException(String.format(
                    "Not a %s state: format tag 0x%02x, expected 0x%02x", what, tag, expected));
        }
        return reader;
    }

    /**
     * A DataSketches sketch after the tag {@code expected}: {@code heapify} reads the rest of the input; whatever it
     * throws on corrupt bytes becomes an IllegalArgumentException naming the state.
     */
    static <T> T sketch(byte[] bytes, int expected, String what, Function<Memory, T> heapify) {
        Memory memory = expectingTag(bytes, expected, what).remainingAsMemory();
        try {
            return heapify.apply(memory);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Corrupt " + what + " state: " + e.getMessage(), e);
        }
    }

    int readByte() {
        require(1);
        return bytes[position++] & 0xFF;
    }

    long readUnsignedVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("Corrupt metric state: varint longer than 10 bytes");
    }

    long readSignedVarLong() {
        long zigzag = readUnsignedVarLong();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    double readDouble() {
        require(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (bytes[position++] & 0xFF);
        }
        return Double.longBitsToDouble(bits);
    }

    byte[] readBytes(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("Corrupt metric state: negative length " + length);
        }
        require(length);
        byte[] result = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return result;
    }

    /** The rest of the input as read-only sketch memory (DataSketches formats are little-endian). */
    Memory remainingAsMemory() {
        Memory memory = Memory.wrap(bytes, position, bytes.length - position, ByteOrder.LITTLE_ENDIAN);
        position = bytes.length;
        return memory;
    }

    void expectEnd() {
        if (position != bytes.length) {
            throw new IllegalArgumentException(
                    "Corrupt metric state: " + (bytes.length - position) + " trailing bytes");
        }
    }

    private void require(int count) {
        if (bytes.length - position < count) {
            throw new IllegalArgumentException("Corrupt metric state: truncated at byte " + position);
        }
    }
}
