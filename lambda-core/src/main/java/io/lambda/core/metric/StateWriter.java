package io.lambda.core.metric;

import java.util.Arrays;

/** A growable byte buffer with the few encodings metric states use (big-endian, LEB128 varints). */
final class StateWriter {

    private byte[] buffer;
    private int size;

    StateWriter(int initialCapacity) {
        buffer = new byte[Math.max(8, initialCapacity)];
    }

    StateWriter writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    /** Unsigned LEB128: 7 bits per byte, low groups first; 1 byte below 128, at most 10. */
    StateWriter writeUnsignedVarLong(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[size++] = (byte) rest;
        return this;
    }

    /** Zigzag then unsigned LEB128, so small negative numbers stay short. */
    StateWriter writeSignedVarLong(long value) {
        return writeUnsignedVarLong((value << 1) ^ (value >> 63));
    }

    /** IEEE 754 bits, 8 bytes big-endian. */
    StateWriter writeDouble(double value) {
        long bits = Double.doubleToRawLongBits(value);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (bits >>> shift);
        }
        return this;
    }

    StateWriter writeBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** {@code tag} followed by {@code body}, for states whose body is a sketch's own byte form. */
    static byte[] tagged(int tag, byte[] body) {
        byte[] bytes = new byte[body.length + 1];
        bytes[0] = (byte) tag;
        System.arraycopy(body, 0, bytes, 1, body.length);
        return bytes;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
