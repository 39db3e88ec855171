package callsim.core;

import java.util.List;

/**
 * How one technique went: {@code id} "T1".."T14", its name, whether it applied in this drill (no abuse
 * means T11 did not apply), the score 0-100 and the evidence behind it.
 */
public record TechniqueScore(String id, String name, boolean applicable, int score, List<Evidence> evidence) {
    public TechniqueScore {
        if (score < 0 || score > 100) throw new IllegalArgumentException("score " + score + " outside 0..100");
        evidence = List.copyOf(evidence);
    }

    public boolean has(String kind) {
        return evidence.stream().anyMatch(e -> e.kind().equals(kind));
    }

    public long count(String kind) {
        return evidence.stream().filter(e -> e.kind().equals(kind)).count();
    }
}
