package dev.machinemarkets.resolver.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.machinemarkets.resolver.policy.Policy;
import dev.machinemarkets.resolver.policy.PolicyEvaluator;
import dev.machinemarkets.resolver.policy.RouteOption;

/**
 * Picks a route from discovery's candidates, best first: the first candidate that every policy of the
 * machine allows is selected, the other allowed ones form the fallback chain in order, and every
 * candidate that a policy rejects is explained.
 */
public final class RouteSelection {

    /** A discovery candidate as the resolver weighs it. */
    public record Candidate(RouteOption option, double score, List<String> reasons) {
    }

    public record Rejection(Candidate candidate, String explanation) {
    }

    public record Result(Optional<Candidate> selected, List<Candidate> fallbackChain, List<Rejection> rejected) {

        /** RouteRecord.reason: why this route won and why the others lost, or why none is eligible. */
        public String reason() {
            List<String> parts = new ArrayList<>();
            selected.ifPresentOrElse(
                    s -> parts.add("selected " + s.option().serviceId() + " (score " + s.score() + "): " + String.join(", ", s.reasons())),
                    () -> parts.add(rejected.isEmpty() ? "no candidate to choose from" : "no candidate is allowed by the machine's policies"));
            for (Rejection rejection : rejected) {
                parts.add(rejection.candidate().option().serviceId() + " rejected by " + rejection.explanation());
            }
            return String.join("; ", parts);
        }
    }

    private final PolicyEvaluator evaluator;

    public RouteSelection(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Result select(List<Candidate> candidates, List<Policy> policies) {
        List<Candidate> allowed = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (Candidate candidate : candidates) {
            PolicyEvaluator.Verdict verdict = evaluator.evaluate(policies, candidate.option());
            if (verdict.allowed()) {
                allowed.add(candidate);
            } else {
                rejected.add(new Rejection(candidate, verdict.explain()));
            }
        }
        Optional<Candidate> selected = allowed.stream().findFirst();
        List<Candidate> fallback = allowed.isEmpty() ? List.of() : List.copyOf(allowed.subList(1, allowed.size()));
        return new Result(selected, fallback, List.copyOf(rejected));
    }
}
