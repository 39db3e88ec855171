package callsim.review.web.view;

import java.util.List;

/**
 * The drill page, top first: what happened and the score with the advice, then the player, the timeline
 * and anger charts, the scorecard, the transcript and the line metrics.
 */
public record DrillPage(Chrome chrome, String id, String title, String agentName, String agentLink, String difficulty,
                        When startedAt, String length, String status, String outcome, Summary summary, String recording,
                        Chart timeline, Chart anger, List<TechniqueRow> techniques, List<Turn> transcript,
                        List<Metric> metrics, String overrideAction) {
    /**
     * The score at the top; absent while the drill runs. {@code automatic} is the pipeline's total when
     * overrides changed it. {@code notHeardClearly}: a note for each agent turn heard too poorly to score.
     */
    public record Summary(int total, Integer automatic, int passMark, boolean passed, String verdict, List<String> advice,
                          List<String> notHeardClearly) {}

    public record Turn(long startMs, String clock, String range, String speaker, String text) {}

    public record Metric(String name, String value) {}
}
