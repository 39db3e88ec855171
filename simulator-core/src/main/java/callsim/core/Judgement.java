package callsim.core;

import java.util.List;

/** One technique judged: whether it applied, its score 0-100, the evidence and advice if it fell short. */
record Judgement(Technique technique, boolean applicable, int score, List<Evidence> evidence, String advice) {
    Judgement {
        score = applicable ? Math.max(0, Math.min(100, score)) : 100; // nothing to fault where it did not apply
        evidence = List.copyOf(evidence);
        advice = score >= 100 || !applicable ? "" : advice;
    }

    long count(String kind) {
        return evidence.stream().filter(e -> e.kind().equals(kind)).count();
    }

    boolean has(String kind) {
        return count(kind) > 0;
    }

    TechniqueScore toScore() {
        return new TechniqueScore(technique.code(), technique.title(), applicable, score, evidence);
    }
}
