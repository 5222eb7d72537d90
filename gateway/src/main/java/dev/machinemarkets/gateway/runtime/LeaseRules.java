package dev.machinemarkets.gateway.runtime;

import java.time.Instant;
import java.util.Date;

/** A lease runs until leaseExpiresAt; an endpoint without a lease does not expire. */
public final class LeaseRules {

    public static final int MIN_SECONDS = 30;
    public static final int MAX_SECONDS = 86_400;
    public static final int DEFAULT_SECONDS = 120;

    private LeaseRules() {
    }

    public static boolean expired(Date leaseExpiresAt, Instant now) {
        return leaseExpiresAt != null && !leaseExpiresAt.toInstant().isAfter(now);
    }
}
