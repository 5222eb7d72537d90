package dev.machinemarkets.platform.ids;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Opaque ids of the form prefix_XXXXXXXXXXXXXXXXXXXXXXXXXX: 48 bits of milliseconds and 80 random bits in
 * Crockford base32 (the ULID layout), so ids sort by creation time and lists can page by id. Within one
 * millisecond the random part counts up, so ids made by one process sort in the order they were made.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    private static final long FORTY_BITS = (1L << 40) - 1;
    private static long lastTime = -1;
    private static long lastHigh;
    private static long lastLow;

    public static String newId(String prefix, Instant at) {
        long time = at.toEpochMilli();
        long high;
        long low;
        synchronized (Ids.class) {
            if (time <= lastTime) {
                time = lastTime;
                lastLow = (lastLow + 1) & FORTY_BITS;
                if (lastLow == 0) {
                    lastHigh = (lastHigh + 1) & FORTY_BITS;
                }
            } else {
                lastTime = time;
                lastHigh = RANDOM.nextLong() & FORTY_BITS;
                lastLow = RANDOM.nextLong() & (FORTY_BITS >>> 1);
            }
            high = lastHigh;
            low = lastLow;
        }
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return prefix + "_" + new String(out);
    }
}
