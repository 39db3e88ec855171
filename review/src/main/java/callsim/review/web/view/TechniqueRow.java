package callsim.review.web.view;

import java.util.List;

/**
 * One technique on the scorecard: its score (the override's when there is one, the automatic one beside it),
 * the evidence grouped by kind, and whether the viewer may override it (never for n/a techniques).
 */
public record TechniqueRow(String id, String name, boolean applicable, int automatic, Integer overridden,
                           List<OverrideNote> overrides, List<EvidenceGroup> evidence, boolean canOverride) {
    public record OverrideNote(int score, String by, When at, String reason, boolean current) {}

    /** All evidence of one kind: how often, how long in total, and each moment (to play from). */
    public record EvidenceGroup(String kind, int count, String totalSeconds, List<Moment> moments) {}

    public record Moment(long atMs, String clock, String detail, String note) {}
}
