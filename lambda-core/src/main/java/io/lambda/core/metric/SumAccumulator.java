package io.lambda.core.metric;

import java.math.BigInteger;

/**
 * A mutable sum that stays exact for integral inputs and is compensated for the rest.
 *
 * <p>Integral inputs add into a 128-bit two's-complement integer ({@code high:low}), so the integral
 * part is exact, commutative and associative with no overflow short of 2^127. Doubles add into a
 * separate Neumaier-compensated sum: floating-point addition is not associative, so merging in another
 * order can differ in the last bits; compensation keeps that difference near one ulp of the total.
 *
 * <p>Byte form (inside a sum or avg state): a flags byte (bit 0: has a double part, bit 1: integral
 * part does not fit a long), zigzag LEB128 of {@code low}, then zigzag LEB128 of {@code high} if
 * wide, then the double sum and its compensation (8 bytes each, IEEE 754 big-endian) if present.
 */
final class SumAccumulator {

    private static final int HAS_DOUBLE = 1;
    private static final int WIDE = 2;

    private long low;
    private long high;
    private boolean hasDouble;
    private double sum;
    private double compensation;

    void addLong(long value) {
        long result = low + value;
        high += (value >> 63) + (Long.compareUnsigned(result, low) < 0 ? 1 : 0);
        low = result;
    }

    void addDouble(double value) {
        hasDouble = true;
        double total = sum + value;
        compensation += neumaierError(sum, value, total);
        sum = total;
    }

    /** A new accumulator holding {@code left + right}; both stay unchanged. */
    static SumAccumulator sumOf(SumAccumulator left, SumAccumulator right) {
        SumAccumulator result = new SumAccumulator();
        result.low = left.low;
        result.high = left.high;
        result.add128(right.high, right.low);
        result.hasDouble = left.hasDouble || right.hasDouble;
        double total = left.sum + right.sum;
        // summing the compensations first keeps combine(a, b) bit-identical to combine(b, a)
        result.compensation = (left.compensation + right.compensation) + neumaierError(left.sum, right.sum, total);
        result.sum = total;
        return result;
    }

    /** Whether any non-integral value was added. */
    boolean hasDouble() {
        return hasDouble;
    }

    /** The exact total as a Long when all inputs were integral and it fits; otherwise a Double. */
    Number total() {
        if (!hasDouble && fitsLong()) {
            return low;
        }
        return asDouble();
    }

    double asDouble() {
        double integral = fitsLong() ? (double) low : wideToDouble();
        return hasDouble ? integral + (sum + compensation) : integral;
    }

    void writeTo(StateWriter writer) {
        boolean wide = !fitsLong();
        writer.writeByte((hasDouble ? HAS_DOUBLE : 0) | (wide ? WIDE : 0));
        writer.writeSignedVarLong(low);
        if (wide) {
            writer.writeSignedVarLong(high);
        }
        if (hasDouble) {
            writer.writeDouble(sum).writeDouble(compensation);
        }
    }

    static SumAccumulator readFrom(StateReader reader) {
        int flags = reader.readByte();
        if ((flags & ~(HAS_DOUBLE | WIDE)) != 0) {
            throw new IllegalArgumentException("Corrupt sum state: unknown flags " + flags);
        }
        SumAccumulator result = new SumAccumulator();
        result.low = reader.readSignedVarLong();
        result.high = (flags & WIDE) != 0 ? reader.readSignedVarLong() : result.low >> 63;
        if ((flags & HAS_DOUBLE) != 0) {
            result.hasDouble = true;
            result.sum = reader.readDouble();
            result.compensation = reader.readDouble();
        }
        return result;
    }

    @Override
    public String toString() {
        return "Sum[" + (fitsLong() ? Long.toString(low) : high + ":" + Long.toUnsignedString(low))
                + (hasDouble ? " + " + sum + " (+" + compensation + ")" : "") + "]";
    }

    private boolean fitsLong() {
        return high == (low >> 63);
    }

    private void add128(long otherHigh, long otherLow) {
        long result = low + otherLow;
        high += otherHigh + (Long.compareUnsigned(result, low) < 0 ? 1 : 0);
        low = result;
    }

    /** The rounding error of {@code total = a + b} (Neumaier's branch on the larger magnitude). */
    private static double neumaierError(double a, double b, double total) {
        return Math.abs(a) >= Math.abs(b) ? (a - total) + b : (b - total) + a;
    }

    /** Correctly rounded; allocates, but only for totals beyond the long range. */
    private double wideToDouble() {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low))).doubleValue();
    }
}
