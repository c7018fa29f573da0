package io.lambda.batch.archive;

/**
 * The event ids of one partition seen so far, as 128-bit hashes in a primitive open-addressing table (linear
 * probing, two longs per slot): memory does not grow with the size of an event or an id. The table grows by half
 * when it is 80 % full, so it holds between 20 and 30 bytes per id (16 bytes / load). Two different ids share a hash
 * with probability about n² / 2¹²⁹: for 10¹² ids, 1.5e-15.
 *
 * <p>Not thread-safe: one owner (one partition's reader).
 */
public final class IdHashSet {

    private static final double MAX_LOAD = 0.8;
    private static final int MAX_CAPACITY = (Integer.MAX_VALUE - 8) / 2;

    private long[] table;
    private int capacity;
    private int size;
    private int threshold;

    public IdHashSet() {
        this(1 << 10);
    }

    /** A set sized for about {@code expected} ids before it grows. */
    public IdHashSet(int expected) {
        allocate(Math.max(16, (int) Math.min(MAX_CAPACITY, (long) (expected / MAX_LOAD) + 1)));
    }

    /** Adds the hash of an id; returns false when it was there already (a duplicate). */
    public boolean add(long high, long low) {
        if (high == 0 && low == 0) {
            low = 1; // (0, 0) marks an empty slot
        }
        if (size >= threshold) {
            grow();
        }
        return insert(high, low);
    }

    /** Adds an id, hashed with {@link EventIdHash}. */
    public boolean add(String id) {
        long[] hash = EventIdHash.of(id);
        return add(hash[0], hash[1]);
    }

    /** The number of ids held. */
    public int size() {
        return size;
    }

    /** Bytes of the table (the whole memory the set holds apart from a few fields). */
    public long tableBytes() {
        return (long) table.length * Long.BYTES;
    }

    /** Table bytes per id held (at most 32 once it holds ids; 0 when empty). */
    public double bytesPerId() {
        return size == 0 ? 0 : (double) tableBytes() / size;
    }

    private boolean insert(long high, long low) {
        long[] slots = table;
        int i = index(high, capacity);
        while (true) {
            long a = slots[2 * i];
            long b = slots[2 * i + 1];
            if (a == 0 && b == 0) {
                slots[2 * i] = high;
                slots[2 * i + 1] = low;
                size++;
                return true;
            }
            if (a == high && b == low) {
                return false;
            }
            i = i + 1 == capacity ? 0 : i + 1;
        }
    }

    /** Lemire's multiply-shift: maps the hash's upper 32 bits onto {@code [0, slots)} for any slot count. */
    private static int index(long high, int slots) {
        return (int) (((high >>> 32) * slots) >>> 32);
    }

    private void grow() {
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("id set full at " + size + " ids");
        }
        long[] old = table;
        int oldCapacity = capacity;
        allocate((int) Math.min(MAX_CAPACITY, capacity + (long) capacity / 2));
        for (int i = 0; i < oldCapacity; i++) {
            long a = old[2 * i];
            long b = old[2 * i + 1];
            if (a != 0 || b != 0) {
                insert(a, b);
            }
        }
    }

    private void allocate(int slots) {
        table = new long[2 * slots];
        capacity = slots;
        threshold = (int) (slots * MAX_LOAD);
        size = 0;
    }
}
