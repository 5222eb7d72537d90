package dev.machinemarkets.gateway.catalogue;

import java.util.List;

/** The eight curated service types of the Machine Markets catalogue. */
public final class ServiceTypes {

    public static final List<String> ALL = List.of("oracle.price-feed", "compute.marketplace", "storage.object", "data.location",
            "identity.proof-of-person", "device.control", "machine.commerce", "network.partner-console");

    private ServiceTypes() {
    }

    public static boolean isKnown(String serviceType) {
        return ALL.contains(serviceType);
    }
}
