package dev.machinemarkets.resolver.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.machinemarkets.resolver.policy.ExecutionMode;
import dev.machinemarkets.resolver.policy.Money;
import dev.machinemarkets.resolver.policy.Policy;
import dev.machinemarkets.resolver.policy.PolicyEvaluator;
import dev.machinemarkets.resolver.policy.RouteOption;

class RouteSelectionTest {

    private final RouteSelection selection = new RouteSelection(new PolicyEvaluator());

    private static RouteSelection.Candidate candidate(String id, ExecutionMode mode, double score) {
        return new RouteSelection.Candidate(new RouteOption(id, "skill-" + id, mode, "global", Set.of(), Optional.of(Money.of("0", null))),
                score, List.of("reason of " + id));
    }

    private static final RouteSelection.Candidate A = candidate("a", ExecutionMode.NATIVE, 0.9);
    private static final RouteSelection.Candidate B = candidate("b", ExecutionMode.EXTERNAL_HANDOFF, 0.6);
    private static final RouteSelection.Candidate C = candidate("c", ExecutionMode.NATIVE, 0.5);

    @Test
    void theFirstAllowedCandidateWinsAndTheOtherAllowedOnesFollowInOrder() {
        RouteSelection.Result result = selection.select(List.of(A, B, C), List.of());
        assertThat(result.selected()).contains(A);
        assertThat(result.fallbackChain()).containsExactly(B, C);
        assertThat(result.rejected()).isEmpty();
        assertThat(result.reason()).isEqualTo("selected a (score 0.9): reason of a");
    }

    @Test
    void rejectedCandidatesAreLeftOutOfTheChainAndExplained() {
        Policy nativeOnly = new Policy("pol_n", "native", Set.of(), Set.of("skill-a"), Optional.empty(), List.of(), true, false, Set.of());
        RouteSelection.Result result = selection.select(List.of(A, B, C), List.of(nativeOnly));
        assertThat(result.selected()).contains(C);
        assertThat(result.fallbackChain()).isEmpty();
        assertThat(result.rejected()).extracting(r -> r.candidate().option().serviceId()).containsExactly("a", "b");
        assertThat(result.reason()).contains("selected c", "a rejected by policy pol_n (deniedSkillKeys)", "b rejected by policy pol_n (nativeOnly)");
    }

    @Test
    void withNothingAllowedNothingIsSelected() {
        Policy none = new Policy("pol_x", "none", Set.of("nothing"), Set.of(), Optional.empty(), List.of(), false, true, Set.of());
        RouteSelection.Result result = selection.select(List.of(A, B), List.of(none));
        assertThat(result.selected()).isEmpty();
        assertThat(result.reason()).startsWith("no candidate is allowed by the machine's policies; a rejected by");
        assertThat(selection.select(List.of(), List.of()).reason()).isEqualTo("no candidate to choose from");
    }
}
