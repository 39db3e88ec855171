package callsim.core;

import java.util.List;

/**
 * The drill's score (docs/rubric.md, "The score"): a weighted {@code total} out of 100 over the techniques that
 * applied, {@code passed} when the total reaches {@code passMark}, no forbidden promise was made, no critical
 * technique (don't interrupt, apologise, manage hold, policy, stay calm) scored below 50, and the caller was
 * resolved or properly escalated; each technique with its evidence; the outcome; a one-line
 * {@code verdict}; {@code advice}: the two or three changes that would have helped most, in plain words; and
 * {@code notHeardClearly}: agent turns the recogniser heard too poorly to score, which earned and cost nothing.
 */
public record Scorecard(
        int total,
        int passMark,
        boolean passed,
        Outcome outcome,
        String verdict,
        List<TechniqueScore> techniques,
        List<String> advice,
        List<UnclearTurn> notHeardClearly) {

    public Scorecard {
        techniques = List.copyOf(techniques);
        advice = List.copyOf(advice);
        notHeardClearly = List.copyOf(notHeardClearly);
    }

    /** A scorecard on which every agent turn was heard clearly. */
    public Scorecard(int total, int passMark, boolean passed, Outcome outcome, String verdict, List<TechniqueScore> techniques,
            List<String> advice) {
        this(total, passMark, passed, outcome, verdict, techniques, advice, List.of());
    }

    /** The score of one technique. */
    public TechniqueScore technique(Technique technique) {
        return techniques.stream().filter(t -> t.id().equals(technique.code())).findFirst().orElseThrow();
    }
}
