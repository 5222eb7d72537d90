package dev.machinemarkets.platform.views;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;

/** Rules read off view documents that several stages share. */
public final class Liveness {

    private Liveness() {
    }

    /**
     * A runtime endpoint is live when its status is active, its lease (if any) has not run out and its
     * last probe (if any) was healthy. Only a live endpoint makes a native candidate native.
     */
    public static boolean isLive(Document endpoint, Instant now) {
        Date lease = endpoint.get("leaseExpiresAt", Date.class);
        Date checked = endpoint.get("lastCheckedAt", Date.class);
        Date healthy = endpoint.get("lastHealthyAt", Date.class);
        return "active".equals(endpoint.getString("status"))
                && (lease == null || lease.toInstant().isAfter(now))
                && (checked == null || (healthy != null && !healthy.before(checked)));
    }

    /** A catalogue service's price per task when it is fixed; empty when the provider sets it. */
    public static Optional<Double> fixedPrice(Document service) {
        Document pricing = service.get("pricing", Document.class);
        Number amount = pricing == null ? null : pricing.get("amount", Number.class);
        return pricing != null && "fixed".equals(pricing.getString("mode")) && amount != null
                ? Optional.of(amount.doubleValue()) : Optional.empty();
    }

    public static String currency(Document service) {
        Document pricing = service.get("pricing", Document.class);
        return pricing == null ? null : pricing.getString("currency");
    }
}
