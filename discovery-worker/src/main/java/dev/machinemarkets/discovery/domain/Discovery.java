package dev.machinemarkets.discovery.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds the scored candidates of a task from the catalogue. Each service is either excluded with the
 * first reason that rules it out, or becomes a candidate with a score in [0, 1] and the reasons for it.
 */
public final class Discovery {

    static final double BASE = 0.5;
    static final double NATIVE_BONUS = 0.3;
    static final double PREFERRED_BONUS = 0.15;
    static final double CAPABILITY_BONUS = 0.05;
    static final double MAX_CAPABILITY_BONUS = 0.1;
    static final double KNOWN_PRICE_BONUS = 0.05;
    static final double FALLBACK_HANDOFF_PENALTY = 0.1;

    public record Candidate(ServiceOffer offer, String executionMode, double score, List<String> reasons) {
    }

    public record Exclusion(String serviceId, String reason) {
    }

    public record Result(List<Candidate> candidates, List<Exclusion> excluded) {

        /** native, handoff or unavailable, after the best candidate; the reason when unavailable. */
        public String resolutionKind() {
            if (candidates.isEmpty()) {
                return "unavailable";
            }
            return ServiceOffer.NATIVE.equals(candidates.get(0).executionMode()) ? "native" : "handoff";
        }

        public String unavailableReason() {
            return excluded.isEmpty() ? "no service in the catalogue offers this service type"
                    : "no eligible service: " + String.join("; ", excluded.stream().map(e -> e.serviceId() + " " + e.reason()).toList());
        }
    }

    private Discovery() {
    }

    public static Result discover(TaskNeeds task, MachineContext machine, List<ServiceOffer> catalogue) {
        List<Candidate> candidates = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (ServiceOffer offer : catalogue) {
            if (!offer.serviceType().equals(task.serviceType())) {
                continue;
            }
            Optional<String> exclusion = exclusion(task, machine, offer);
            if (exclusion.isPresent()) {
                excluded.add(new Exclusion(offer.id(), exclusion.get()));
            } else {
                candidates.add(candidate(task, machine, offer));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.offer().id()));
        return new Result(List.copyOf(candidates.subList(0, Math.min(task.maxCandidates(), candidates.size()))), excluded);
    }

    private static Optional<String> exclusion(TaskNeeds task, MachineContext machine, ServiceOffer offer) {
        if (offer.integrationStatus().equals("preview") || offer.integrationStatus().equals("disabled")) {
            return Optional.of("is not offered: its integration status is " + offer.integrationStatus());
        }
        if (task.operation() != null && !offer.operations().contains(task.operation())) {
            return Optional.of("does not offer operation " + task.operation());
        }
        TreeSet<String> missing = new TreeSet<>(task.requiredCapabilities());
        missing.removeAll(offer.capabilities());
        if (!missing.isEmpty()) {
            return Optional.of("lacks the required capabilities " + String.join(", ", missing));
        }
        String region = task.region() != null ? task.region() : machine.region();
        if (region != null && !isGlobal(offer.region()) && !offer.region().equalsIgnoreCase(region)) {
            return Optional.of("runs in " + offer.region() + ", the task needs " + region.toLowerCase(Locale.ROOT));
        }
        if (task.budget() != null && offer.price().isPresent() && offer.price().get() > task.budget()) {
            return Optional.of("costs " + offer.price().get() + " " + offer.currency() + ", over the budget of " + task.budget());
        }
        boolean live = machine.liveProviderKeys().contains(offer.providerKey());
        boolean handoffPossible = task.allowExternalHandoff() && !task.requireNativeExecution() && offer.hasHandoff();
        if (offer.isNative() && !live && !handoffPossible) {
            return Optional.of("needs a live " + offer.providerKey() + " runtime endpoint on the machine, and there is none");
        }
        if (!offer.isNative() && task.requireNativeExecution()) {
            return Optional.of("runs only as an external handoff, and the task requires native execution");
        }
        if (!offer.isNative() && !task.allowExternalHandoff()) {
            return Optional.of("runs only as an external handoff, and the task does not allow handoff");
        }
        return Optional.empty();
    }

    private static Candidate candidate(TaskNeeds task, MachineContext machine, ServiceOffer offer) {
        List<String> reasons = new ArrayList<>();
        double score = BASE;
        reasons.add("offers " + task.serviceType() + (task.operation() == null ? "" : " / " + task.operation()));
        String mode;
        if (offer.isNative() && machine.liveProviderKeys().contains(offer.providerKey())) {
            mode = ServiceOffer.NATIVE;
            score += NATIVE_BONUS;
            reasons.add("runs natively on the machine's live " + offer.providerKey() + " runtime");
        } else if (offer.isNative()) {
            mode = ServiceOffer.HANDOFF;
            score -= FALLBACK_HANDOFF_PENALTY;
            reasons.add("no live " + offer.providerKey() + " runtime on the machine, offered as an external handoff");
        } else {
            mode = ServiceOffer.HANDOFF;
            reasons.add("runs as an external handoff");
        }
        if (task.preferredSkillKeys().contains(offer.skillKey())) {
            score += PREFERRED_BONUS;
            reasons.add("skill " + offer.skillKey() + " is preferred by the task");
        }
        TreeSet<String> shared = new TreeSet<>(offer.capabilities());
        shared.retainAll(machine.capabilities());
        if (!shared.isEmpty()) {
            score += Math.min(MAX_CAPABILITY_BONUS, CAPABILITY_BONUS * shared.size());
            reasons.add("matches the machine's capabilities " + String.join(", ", shared));
        }
        if (offer.price().isPresent()) {
            score += KNOWN_PRICE_BONUS;
            reasons.add(offer.price().get() == 0 ? "free" : "fixed price " + offer.price().get() + " " + offer.currency()
                    + (task.budget() == null ? "" : ", within the budget of " + task.budget()));
        } else {
            reasons.add("price set by the provider");
        }
        if (!isGlobal(offer.region())) {
            reasons.add("runs in " + offer.region());
        }
        return new Candidate(offer, mode, Math.round(Math.min(1.0, Math.max(0.0, score)) * 1000) / 1000.0, List.copyOf(reasons));
    }

    private static boolean isGlobal(String region) {
        return region == null || region.isBlank() || region.equalsIgnoreCase("global");
    }
}
