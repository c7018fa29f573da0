package io.lambda.core.event.avro;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryEncoder;

/**
 * Avro binary encoding straight into a reusable, growing byte array: the bytes of
 * {@code EncoderFactory.binaryEncoder(new ByteArrayOutputStream(), null)}, without that pair's second buffer,
 * per-use sink allocation and stream locking. Strings go through {@code String.getBytes(UTF_8)}, a bulk copy for
 * ASCII, where {@link BinaryEncoder#writeString(String)} copies char by char. Not thread-safe.
 */
final class ArrayBinaryEncoder extends BinaryEncoder {

    /** Worst-case size of a zig-zag varint long. */
    private static final int MAX_VARLONG = 10;
    /** Fits a typical event; grows for larger ones. */
    private static final int INITIAL_CAPACITY = 512;
    /** A buffer grown beyond this by a rare large event is not kept: a thread holds at most this much. */
    private static final int MAX_RETAINED_CAPACITY = 16 * 1024;

    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int position;

    /** Forgets what was written, to write the next datum from the start of the buffer. */
    void reset() {
        position = 0;
        if (buffer.length > MAX_RETAINED_CAPACITY) {
            buffer = new byte[INITIAL_CAPACITY];
        }
    }

    /** A copy of the bytes written since the last {@link #reset()}. */
    byte[] toByteArray() {
        return Arrays.copyOf(buffer, position);
    }

    @Override
    public void writeString(String string) {
        byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        writeFixed(utf8, 0, utf8.length);
    }

    @Override
    public void writeBoolean(boolean b) {
        ensure(1);
        buffer[position++] = (byte) (b ? 1 : 0);
    }

    @Override
    public void writeInt(int n) {
        ensure(MAX_VARLONG);
        position += BinaryData.encodeInt(n, buffer, position);
    }

    @Override
    public void writeLong(long n) {
        ensure(MAX_VARLONG);
        position += BinaryData.encodeLong(n, buffer, position);
    }

    @Override
    public void writeFloat(float f) {
        ensure(4);
        position += BinaryData.encodeFloat(f, buffer, position);
    }

    @Override
    public void writeDouble(double d) {
        ensure(8);
        position += BinaryData.encodeDouble(d, buffer, position);
    }

    @Override
    public void writeFixed(byte[] bytes, int start, int len) {
        ensure(len);
        System.arraycopy(bytes, start, buffer, position, len);
        position += len;
    }

    @Override
    protected void writeZero() {
        ensure(1);
        buffer[position++] = 0;
    }

    @Override
    public int bytesBuffered() {
        return position;
    }

    @Override
    public void flush() {
        // nothing to flush: the array is the destination
    }

    private void ensure(int bytes) {
        if (bytes > buffer.length - position) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + bytes));
        }
    }
}
