package dev.machinemarkets.discovery.domain;

import java.util.Set;

/** The machine as discovery sees it: what it can do, where it is, and which runtimes are live on it now. */
public record MachineContext(Set<String> capabilities, String region, Set<String> liveProviderKeys) {

    public MachineContext {
        capabilities = Set.copyOf(capabilities);
        liveProviderKeys = Set.copyOf(liveProviderKeys);
    }
}
