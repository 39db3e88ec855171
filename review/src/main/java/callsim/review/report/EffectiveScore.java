package callsim.review.report;

import callsim.core.Technique;
import callsim.core.TechniqueWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A drill's score after supervisors' overrides: each overridden technique counts at its new score, the
 * total moves by the weighted difference, and pass/fail is decided again by the scorecard's rules
 * (docs/rubric.md, "Scoring"): the total at the pass mark, no forbidden promise, a good outcome, and no critical
 * technique below {@value #CRITICAL_FLOOR}. The automatic score stays in the report beside it.
 *
 * <p>Weights are the defaults: a report does not carry its scenario's weights, so with a scenario that
 * weighs a technique differently the moved total is an approximation; with no override it is the report's.
 */
public record EffectiveScore(int total, boolean passed, String verdict, Map<String, Integer> techniqueScores,
                             boolean overridden) {
    static final int CRITICAL_FLOOR = 50;
    private static final int GOOD_ESCALATION = 70;
    // The core's critical techniques (Scoring.CRITICAL), named here by the public enum.
    private static final List<Technique> CRITICAL = List.of(Technique.DONT_INTERRUPT, Technique.APOLOGISE_SPECIFICALLY,
            Technique.MANAGE_HOLD, Technique.STAY_WITHIN_POLICY, Technique.STAY_CALM);

    /** An override as the score needs it: the technique, the new score, and when (the latest counts). */
    public record Change(String techniqueId, int score, long order) {}

    public static EffectiveScore of(DrillReport.Score score, String outcome, List<Change> changes) {
        Map<String, Integer> latest = new LinkedHashMap<>();
        changes.stream().sorted(Comparator.comparingLong(Change::order)).forEach(c -> latest.put(c.techniqueId(), c.score()));
        Map<String, Integer> scores = new LinkedHashMap<>();
        double moved = 0;
        double weights = 0;
        for (DrillReport.Technique t : score.techniques()) {
            if (!t.applicable()) continue;
            double weight = weight(t.id());
            int now = latest.getOrDefault(t.id(), t.score());
            scores.put(t.id(), now);
            moved += weight * (now - t.score());
            weights += weight;
        }
        latest.keySet().retainAll(scores.keySet());
        if (latest.isEmpty()) return new EffectiveScore(score.total(), score.passed(), score.verdict(), scores, false);
        int total = (int) Math.max(0, Math.min(100, Math.round(score.total() + (weights == 0 ? 0 : moved / weights))));
        List<String> reasons = new ArrayList<>();
        Optional<DrillReport.Technique> policy = find(score, Technique.STAY_WITHIN_POLICY);
        if (policy.isPresent() && policy.get().evidence().stream().anyMatch(e -> "forbidden-promise".equals(e.kind()))
                && scores.getOrDefault(policy.get().id(), 0) < CRITICAL_FLOOR) {
            reasons.add("a promise the policy forbids was made");
        }
        boolean goodOutcome = "resolved".equals(outcome) || "escalated".equals(outcome)
                && find(score, Technique.ESCALATE_PROPERLY).map(t -> scores.getOrDefault(t.id(), 0) >= GOOD_ESCALATION).orElse(false);
        if (!goodOutcome) reasons.add("the caller was not satisfied (" + (outcome == null ? "no outcome" : outcome.replace('_', ' ')) + ")");
        String critical = score.techniques().stream()
                .filter(t -> t.applicable() && CRITICAL.stream().anyMatch(c -> c.code().equals(t.id())) && scores.get(t.id()) < CRITICAL_FLOOR)
                .map(t -> "\"" + t.name() + "\" scored " + scores.get(t.id())).collect(Collectors.joining(" and "));
        if (!critical.isEmpty()) reasons.add(critical + ", below " + CRITICAL_FLOOR);
        if (total < score.passMark()) reasons.add("the total is below the pass mark of " + score.passMark());
        boolean passed = reasons.isEmpty();
        String verdict = (passed ? "Passed with " : "Not passed (") + total + "/100" + (passed ? " after a supervisor's review."
                : "): " + String.join("; ", reasons) + ".");
        return new EffectiveScore(total, passed, verdict, scores, true);
    }

    private static Optional<DrillReport.Technique> find(DrillReport.Score score, Technique technique) {
        return score.techniques().stream().filter(t -> t.id().equals(technique.code())).findFirst();
    }

    private static double weight(String code) {
        return Technique.ofCode(code).map(TechniqueWeights.DEFAULTS::get).orElse(1.0);
    }
}
