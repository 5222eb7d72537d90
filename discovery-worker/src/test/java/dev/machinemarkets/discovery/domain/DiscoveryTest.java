package dev.machinemarkets.discovery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private static final ServiceOffer QVAC = new ServiceOffer("svc_qvac", "qvac-private-inference", "qvac", "compute.marketplace",
            List.of("run-private-inference"), "native", "live", "global", Set.of("llm", "gpu"), true, Optional.of(0.0), null);
    private static final ServiceOffer QVAC_NO_HANDOFF = new ServiceOffer("svc_qvac_strict", "qvac-private-inference", "qvac",
            "compute.marketplace", List.of("run-private-inference"), "native", "live", "global", Set.of("llm"), false, Optional.of(0.0), null);
    private static final ServiceOffer AKASH = new ServiceOffer("svc_akash", "compute.gpu-rental", "akash", "compute.marketplace",
            List.of("run-private-inference", "rent-gpu"), "external-handoff", "handoff-only", "us-east-1", Set.of("llm", "gpu"), true,
            Optional.of(1.2), "USD");
    private static final ServiceOffer PREVIEW = new ServiceOffer("svc_preview", "x", "x", "compute.marketplace", List.of("run-private-inference"),
            "external-handoff", "preview", "global", Set.of(), true, Optional.empty(), null);
    private static final ServiceOffer STORAGE = new ServiceOffer("svc_storage", "storage.object", "filecoin", "storage.object",
            List.of("put-object"), "external-handoff", "handoff-only", "global", Set.of(), true, Optional.empty(), null);
    private static final List<ServiceOffer> CATALOGUE = List.of(QVAC, QVAC_NO_HANDOFF, AKASH, PREVIEW, STORAGE);

    private static TaskNeeds needs(String region, Double budget, boolean allowHandoff, boolean requireNative, Set<String> capabilities,
            List<String> preferred, int max) {
        return new TaskNeeds("compute.marketplace", "run-private-inference", region, budget, allowHandoff, requireNative, capabilities,
                preferred, max);
    }

    private static TaskNeeds defaults() {
        return needs(null, null, true, false, Set.of(), List.of(), 10);
    }

    private static MachineContext machine(Set<String> live) {
        return new MachineContext(Set.of("gpu"), null, live);
    }

    @Test
    void aLiveRuntimeMakesTheNativeServiceTheBestCandidate() {
        Discovery.Result result = Discovery.discover(defaults(), machine(Set.of("qvac")), CATALOGUE);
        assertThat(result.resolutionKind()).isEqualTo("native");
        assertThat(result.candidates()).extracting(c -> c.offer().id()).containsExactly("svc_qvac", "svc_qvac_strict", "svc_akash");
        Discovery.Candidate best = result.candidates().get(0);
        assertThat(best.executionMode()).isEqualTo("native");
        assertThat(best.score()).isEqualTo(0.9);
        assertThat(best.reasons()).contains("runs natively on the machine's live qvac runtime", "matches the machine's capabilities gpu", "free");
        assertThat(result.excluded()).extracting(Discovery.Exclusion::serviceId).containsExactly("svc_preview");
        assertThat(result.candidates()).noneMatch(c -> c.offer().id().equals("svc_storage"));
    }

    @Test
    void withoutALiveRuntimeANativeServiceWithAHandoffIsOfferedAsOneAndOneWithoutIsExcluded() {
        Discovery.Result result = Discovery.discover(defaults(), machine(Set.of()), CATALOGUE);
        assertThat(result.resolutionKind()).isEqualTo("handoff");
        assertThat(result.candidates()).extracting(c -> c.offer().id() + "/" + c.executionMode())
                .containsExactly("svc_akash/external-handoff", "svc_qvac/external-handoff");
        assertThat(result.excluded()).extracting(Discovery.Exclusion::reason)
                .contains("needs a live qvac runtime endpoint on the machine, and there is none");
    }

    @Test
    void requiringNativeExecutionOrForbiddingHandoffLeavesOnlyLiveNativeServices() {
        assertThat(Discovery.discover(needs(null, null, true, true, Set.of(), List.of(), 10), machine(Set.of()), CATALOGUE).resolutionKind())
                .isEqualTo("unavailable");
        Discovery.Result noHandoff = Discovery.discover(needs(null, null, false, false, Set.of(), List.of(), 10), machine(Set.of("qvac")), CATALOGUE);
        assertThat(noHandoff.candidates()).allMatch(c -> c.executionMode().equals("native"));
        assertThat(noHandoff.excluded()).extracting(Discovery.Exclusion::reason)
                .contains("runs only as an external handoff, and the task does not allow handoff");
    }

    @Test
    void regionBudgetOperationAndCapabilitiesRuleServicesOut() {
        Discovery.Result eu = Discovery.discover(needs("eu-west-1", null, true, false, Set.of(), List.of(), 10), machine(Set.of()), CATALOGUE);
        assertThat(eu.excluded()).extracting(Discovery.Exclusion::reason).contains("runs in us-east-1, the task needs eu-west-1");

        Discovery.Result cheap = Discovery.discover(needs(null, 1.0, true, false, Set.of(), List.of(), 10), machine(Set.of()), CATALOGUE);
        assertThat(cheap.excluded()).extracting(Discovery.Exclusion::reason).contains("costs 1.2 USD, over the budget of 1.0");

        Discovery.Result gpu = Discovery.discover(needs(null, null, true, false, Set.of("gpu"), List.of(), 10), machine(Set.of("qvac")), CATALOGUE);
        assertThat(gpu.excluded()).extracting(Discovery.Exclusion::reason).contains("lacks the required capabilities gpu");

        TaskNeeds otherOperation = new TaskNeeds("compute.marketplace", "rent-gpu", null, null, true, false, Set.of(), List.of(), 10);
        assertThat(Discovery.discover(otherOperation, machine(Set.of("qvac")), CATALOGUE).candidates()).extracting(c -> c.offer().id())
                .containsExactly("svc_akash");
    }

    @Test
    void preferredSkillsRankHigherAndMaxCandidatesCutsTheList() {
        Discovery.Result preferred = Discovery.discover(needs(null, null, true, false, Set.of(), List.of("compute.gpu-rental"), 10),
                machine(Set.of()), CATALOGUE);
        assertThat(preferred.candidates().get(0).offer().id()).isEqualTo("svc_akash");
        assertThat(preferred.candidates().get(0).reasons()).contains("skill compute.gpu-rental is preferred by the task");

        assertThat(Discovery.discover(needs(null, null, true, false, Set.of(), List.of(), 1), machine(Set.of("qvac")), CATALOGUE).candidates())
                .hasSize(1);
    }

    @Test
    void anEmptyCatalogueIsUnavailableWithAReason() {
        Discovery.Result none = Discovery.discover(defaults(), machine(Set.of()), List.of(STORAGE));
        assertThat(none.resolutionKind()).isEqualTo("unavailable");
        assertThat(none.unavailableReason()).isEqualTo("no service in the catalogue offers this service type");
    }
}
